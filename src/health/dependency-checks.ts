/**
 * What a Bloei process needs to do its work: the database answers `SELECT 1` and Redis
 * answers PING. The Redis connection is the health endpoint's own, so a probe never queues
 * behind jobs, and it fails as soon as a connect fails instead of waiting for a reconnect.
 */
import { Redis } from 'ioredis';
import type { HealthCheck } from './health-server.js';

export interface DependencyChecks {
  checks: Record<string, HealthCheck>;
  /** Closes the checks' own connections. */
  close(): Promise<void>;
}

/** The database as the health check sees it (the store's ping). */
export interface Pingable {
  ping(): Promise<unknown>;
}

export function dependencyChecks(
  database: Pingable,
  redisUrl: string | undefined,
): DependencyChecks {
  const checks: Record<string, HealthCheck> = {
    database: () => database.ping(),
  };
  if (!redisUrl) return { checks, close: async () => undefined };

  // No retries per command: while Redis is down a PING fails at the next failed connect.
  const redis = new Redis(redisUrl, {
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  // Connection errors surface as a failed check; without a listener ioredis prints each one.
  redis.on('error', () => undefined);
  checks.redis = async () => {
    const answer = await redis.ping();
    if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
  };
  return {
    checks,
    async close() {
      redis.disconnect();
    },
  };
}
