import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  lockFileOf,
  readHolder,
} from '../../src/store/data-dir-lock.js';
import { bloeiMain } from '../support/bloei-main.js';

const repo = join(import.meta.dirname, '../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bloei-lock-'));
  dirs.push(dir);
  return dir;
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

async function until(condition: () => boolean, what: string, capMs = 120_000): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const embedded = (dir: string) => ({
  ...process.env,
  DATABASE_URL: '',
  REDIS_URL: '',
  BLOEI_DATA_DIR: dir,
});

/** `bloei <argv>` as a real process on the embedded database in `dir`, run to its end. */
function bloei(dir: string, argv: string[]) {
  return spawnSync(process.execPath, [bloeiMain, ...argv], {
    cwd: repo,
    env: embedded(dir),
    encoding: 'utf8',
  });
}

/** `bloei chat` as a real process that holds the database until its stdin ends. */
function chatHoldingTheDatabase(dir: string): ChildProcess {
  const child = spawn(process.execPath, [bloeiMain, 'chat', '--user', 'holder'], {
    cwd: repo,
    env: embedded(dir),
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  children.push(child);
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(acquireDataDirLock.name, () => {
  it('writes who holds it, refuses a second holder by name, and lets go on release', () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir, { command: 'bloei start' });
    expect(readHolder(lockFileOf(dir))).toMatchObject({
      pid: process.pid,
      command: 'bloei start',
      hostname: hostname(),
    });
    let refused: unknown;
    try {
      acquireDataDirLock(dir, { command: 'bloei migrate' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect(refused).toMatchObject({ code: 'DATA_DIR_LOCKED', holder: { pid: process.pid } });
    expect((refused as Error).message).toMatch(
      new RegExp(
        `in use by "bloei start" \\(pid ${process.pid}, since .*\\): stop that process, or set DATABASE_URL`,
      ),
    );
    lock.release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose process has died', () => {
    const dir = dataDir();
    const stale = {
      pid: deadPid(),
      command: 'bloei start',
      startedAt: '2026-01-01T00:00:00.000Z',
      hostname: hostname(),
    };
    writeFileSync(lockFileOf(dir), JSON.stringify(stale));
    const lock = acquireDataDirLock(dir);
    expect(readHolder(lockFileOf(dir))?.pid).toBe(process.pid);
    lock.release();
  });

  it('lets exactly one of several processes racing for the same directory have it', async () => {
    const dir = dataDir();
    writeFileSync(
      lockFileOf(dir),
      JSON.stringify({ pid: deadPid(), command: 'x', startedAt: '', hostname: hostname() }),
    );
    // Each child tries to take the lock (over a dead holder), says whether it got it, and keeps
    // whatever it got until the test has heard from all of them: however slowly they start, a
    // winner never lets go before the last one has tried.
    const script = `
      import { acquireDataDirLock } from './src/store/data-dir-lock.ts';
      try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('got'); }
      catch (e) { console.log(e.code); }
      setInterval(() => {}, 1000);`;
    const racers = Array.from({ length: 6 }, () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: repo,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      return child;
    });
    const outcomes = await Promise.all(
      racers.map(
        (child) =>
          new Promise<string>((done) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.endsWith('\n')) done(out.trim());
            });
          }),
      ),
    );
    expect(outcomes.filter((o) => o === 'got')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'DATA_DIR_LOCKED')).toHaveLength(5);
  }, 300_000);
});

describe('two Bloei processes on one embedded database', () => {
  let dir: string;
  // Created once: the first start of an embedded database takes half a minute.
  beforeAll(() => {
    dir = dataDir();
    expect(bloei(dir, ['migrate']).status).toBe(0);
  }, 300_000);

  // Safety caps against hanging only; each process needs seconds to start on a busy machine.
  it('refuses the second in one line naming the first, and works once the first stops', async () => {
    const chat = chatHoldingTheDatabase(dir);
    await until(() => readHolder(lockFileOf(dir))?.pid === chat.pid, 'the chat to hold the lock');

    const refused = bloei(dir, ['wijk', 'list']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Bloei's embedded database \\(.*\\) is in use by "bloei chat" \\(pid ${chat.pid}, since .*\\): stop that process, or set DATABASE_URL to use PostgreSQL for both\\.`,
        ),
      ),
    ]);
    expect(refused.stderr).not.toMatch(/RuntimeError|Aborted/);

    chat.stdin!.end();
    await new Promise((done) => chat.on('exit', done));
    expect(chat.exitCode).toBe(0);
    expect(existsSync(lockFileOf(dir))).toBe(false);
    const after = bloei(dir, ['wijk', 'list']);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('stratum  Stratum');
  }, 300_000);

  it('takes over from a process that was killed', async () => {
    const chat = chatHoldingTheDatabase(dir);
    await until(() => readHolder(lockFileOf(dir))?.pid === chat.pid, 'the chat to hold the lock');
    chat.kill('SIGKILL');
    await new Promise((done) => chat.on('exit', done));
    expect(readHolder(lockFileOf(dir))?.pid).toBe(chat.pid);
    const migrate = bloei(dir, ['migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    expect(existsSync(lockFileOf(dir))).toBe(false);
  }, 300_000);
});
