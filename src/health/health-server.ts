/**
 * `GET /healthz` for whoever supervises a long-running Bloei process (Docker, Kubernetes, a
 * load balancer): 200 `{"status":"ok"}` when every dependency answers, 503 when one does not
 * or the process is stopping, so traffic and restarts follow what the process can really do.
 * The answer names each check's outcome, never an error's text or any resident data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../conversations/ports.js';

/** Resolves when the dependency answers; rejects (or hangs past the timeout) when it does not. */
export type HealthCheck = () => Promise<unknown>;

export type CheckOutcome = 'ok' | 'failed' | 'timeout';

export interface HealthServerOptions {
  port: number;
  host: string;
  checks: Record<string, HealthCheck>;
  logger: Logger;
  /** A check that takes longer counts as failed; below a probe's own timeout. */
  checkTimeoutMs?: number;
}

export interface HealthServer {
  /** The bound port: the configured one, or the one the OS chose for port 0. */
  readonly port: number;
  /** From now on `/healthz` answers 503 `stopping`: the process is shutting down. */
  stopping(): void;
  close(): Promise<void>;
}

const defaultCheckTimeoutMs = 2_000;

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const timeoutMs = options.checkTimeoutMs ?? defaultCheckTimeoutMs;
  let stopping = false;

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/healthz') return reply(res, 404, { status: 'not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply(res, 405, { status: 'method not allowed' });
    }
    if (stopping) return reply(res, 503, { status: 'stopping' });
    const names = Object.keys(options.checks);
    const outcomes = await Promise.all(
      names.map((name) => run(name, options.checks[name]!, timeoutMs, options.logger)),
    );
    const checks = Object.fromEntries(names.map((name, i) => [name, outcomes[i]]));
    const healthy = outcomes.every((outcome) => outcome === 'ok');
    return reply(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', checks });
  };

  const server = createServer((req, res) => {
    answer(req, res).catch(() => reply(res, 500, { status: 'error' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port, checks: Object.keys(options.checks) }, 'health endpoint listening');

  return {
    port,
    stopping() {
      stopping = true;
    },
    async close() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function run(
  name: string,
  check: HealthCheck,
  timeoutMs: number,
  logger: Logger,
): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([
    check().then(
      () => 'ok' as const,
      (error: unknown) => {
        logger.warn(
          { check: name, err: error instanceof Error ? error.message : String(error) },
          'health check failed',
        );
        return 'failed' as const;
      },
    ),
    timedOut,
  ]);
  clearTimeout(timer);
  if (outcome === 'timeout') logger.warn({ check: name, timeoutMs }, 'health check timed out');
  return outcome;
}

function reply(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}
