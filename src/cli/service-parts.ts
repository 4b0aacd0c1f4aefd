/**
 * What the long-running commands (`start`, `worker`, `web`) share: the job settings for
 * `createApp` and the optional `GET /healthz` endpoint.
 */
import type { App, AppOptions } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../conversations/ports.js';
import type { QueueName } from '../jobs/queues.js';

/** `createApp`'s job settings for Redis at `redisUrl`, working on `queues` (default: all). */
export function jobOptions(
  config: Config,
  redisUrl: string,
  queues?: readonly QueueName[],
): NonNullable<AppOptions['jobs']> {
  return {
    redisUrl,
    prefix: config.queuePrefix,
    maintenanceEveryMs: config.maintenanceEveryMs,
    lockMs: config.jobLockMs,
    escalation: config.escalation,
    followUps: config.followUps,
    retention: config.retention,
    ...(queues ? { queues } : {}),
  };
}

export interface HealthEndpoint {
  /** Answers 503 "stopping" from now on. */
  stopping(): void;
  close(): Promise<void>;
}

/** `GET /healthz` of a long-running process, when HEALTH_PORT is set. */
export async function startHealth(
  config: Config,
  logger: Logger,
  app: App,
  redisUrl: string | undefined,
): Promise<HealthEndpoint | undefined> {
  if (!config.health) return undefined;
  const { dependencyChecks } = await import('../health/dependency-checks.js');
  const { startHealthServer } = await import('../health/health-server.js');
  const dependencies = dependencyChecks(app.store, redisUrl);
  const server = await startHealthServer({ ...config.health, checks: dependencies.checks, logger });
  return {
    stopping: () => server.stopping(),
    async close() {
      await server.close();
      await dependencies.close();
    },
  };
}
