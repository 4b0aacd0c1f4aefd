/**
 * A redis-server of its own for a test that restarts it (the shared one must stay up for
 * everyone else), on a fixed port so clients reconnect to it: with its append-only file,
 * as production runs it, so a restart keeps the jobs, or wiped, as when a Redis without
 * persistence (or a fresh replacement) comes back empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port.js';
import { ping } from '../../support/start-redis.js';

export class RestartableRedis {
  private server: ChildProcess | undefined;

  private constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<RestartableRedis> {
    const redis = new RestartableRedis(
      await mkdtemp(path.join(os.tmpdir(), 'bloei-redis-fault-')),
      await freePort(),
    );
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Stops the server and starts it again on the same port. `keep`: a clean shutdown, after
   * which the append-only file brings every job back; `lose`: killed, and its data gone.
   */
  async restart(how: 'keep' | 'lose', downMs = 500): Promise<void> {
    await this.halt(how === 'keep' ? 'SIGTERM' : 'SIGKILL');
    if (how === 'lose') await rm(this.dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.halt('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const server = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
        ...['--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'],
        ...['--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    this.server = server;
    const deadline = Date.now() + 10_000;
    while (!(await ping(this.port))) {
      if (server.exitCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start on port ${this.port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async halt(signal: NodeJS.Signals): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill(signal);
    await exited;
  }
}
