import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away `redis-server` on a free loopback port: no persistence, and
 * `noeviction` like production, because BullMQ loses jobs under any other policy.
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bloei-redis-'));
  const port = await freePort();
  const server = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // `once` rejects on 'error', which is how a missing binary (ENOENT) shows up.
  const exited = once(server, 'exit');
  const exitedEarly = exited.then(
    ([code]: unknown[]) => {
      throw new Error(`redis-server exited with code ${String(code)}`);
    },
    (error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === 'ENOENT'
          ? 'redis-server not found on PATH: install it with `apt-get install -y redis-server`'
          : `redis-server did not start: ${String(error)}`,
      );
    },
  );

  const stop = async () => {
    if (server.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited.catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await Promise.race([waitForPong(port), exitedEarly]);
  } catch (error) {
    await stop();
    throw error instanceof Error && output ? new Error(`${error.message}\n${output}`) : error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

/** Resolves once the server answers PING; gives up after ten seconds. */
async function waitForPong(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

/** Whether a Redis on the loopback `port` answers PING within half a second. */
export function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
