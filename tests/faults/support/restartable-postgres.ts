/**
 * A PostgreSQL server of its own for a test that stops and starts it (the shared test server
 * must stay up for everyone else): a throw-away data directory, tuned for speed like the
 * shared one but for one setting, on a fixed free port so clients find it again after a
 * restart. As root it runs as the `postgres` user, which PostgreSQL requires.
 *
 * Commits are synchronous here, as in production: this server is stopped with `immediate`
 * (a crash), and with `synchronous_commit=off` a commit already reported to Bloei can be lost
 * with the last WAL not yet written, so a reply Bloei sent would vanish from the database.
 * Without fsync the written WAL survives, since the machine itself does not crash.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/free-port.js';

const run = promisify(execFile);

export class RestartablePostgres {
  private constructor(
    private readonly pg: (tool: string, args: string[]) => Promise<unknown>,
    private readonly dir: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<RestartablePostgres> {
    const bin = newestPostgresBin();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bloei-pg-fault-'));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = (await run('id', ['-u', 'postgres'])).stdout.trim();
      const gid = (await run('id', ['-g', 'postgres'])).stdout.trim();
      await chown(dir, Number(uid), Number(gid));
    }
    const pg = (tool: string, args: string[]) =>
      asRoot
        ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
        : run(path.join(bin, tool), args);
    const server = new RestartablePostgres(pg, dir, await freePort());
    await pg(
      'initdb',
      ['-A', 'trust', '--no-sync', '-U', 'postgres', '-E', 'UTF8', '--locale=C'].concat([
        '-D',
        server.dataDir,
      ]),
    );
    await server.resume();
    return server;
  }

  /** Superuser URL of the `postgres` database. */
  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** Starts the server (again) and waits until it accepts connections. */
  async resume(): Promise<void> {
    const settings = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
    ];
    await this.pg(
      'pg_ctl',
      ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-w', '-t', '30'].concat([
        '-o',
        settings.join(' '),
        'start',
      ]),
    );
  }

  /**
   * Stops the server the hard way (`immediate`: every connection is cut at once, as when
   * the machine or container running it goes away) or politely (`fast`).
   */
  async pause(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  async stop(): Promise<void> {
    await this.pause('immediate').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

function newestPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((m) => existsSync(path.join(root, m, 'bin', 'initdb')))
    : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin');
  return path.join(root, newest, 'bin');
}
