import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { bloeiMain } from '../support/bloei-main.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const repo = join(import.meta.dirname, '../..');
/** How long a graceful stop of an idle (or nearly idle) process may take. */
const stopBoundMs = 15_000;

interface Service {
  healthUrl: string;
  stderr(): string;
  stop(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function healthStatus(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url)).status;
  } catch {
    return undefined;
  }
}

describe('the bot and worker processes as services', () => {
  let db: TestDatabase;
  let api: FakeBotApi;
  let dataDir: string;
  const running: ReturnType<typeof spawn>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await FakeBotApi.start();
    dataDir = await mkdtemp(join(os.tmpdir(), 'bloei-service-'));
  });
  afterEach(() => {
    for (const child of running.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** `node dist/main.js <command>` without a terminal, as in a container. */
  async function startService(command: 'start' | 'worker'): Promise<Service> {
    const port = await freePort();
    // One process, so the signal reaches Bloei itself.
    const child = spawn(process.execPath, [bloeiMain, command], {
      cwd: repo,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL: inject('redisUrl'),
        BLOEI_QUEUE_PREFIX: `service-${randomUUID()}`,
        BLOEI_DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.apiRoot,
        HEALTH_PORT: String(port),
        HEALTH_HOST: '127.0.0.1',
        SHUTDOWN_TIMEOUT_SECONDS: '20',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const healthUrl = `http://127.0.0.1:${port}/healthz`;
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`${command} exited early:\n${stderr}`);
        return (await healthStatus(healthUrl)) === 200;
      },
      300_000,
      `${command} to answer /healthz`,
    );
    return { healthUrl, stderr: () => stderr, stop: (signal) => child.kill(signal), exited };
  }

  async function exitWithin(service: Service, ms: number) {
    let timer: NodeJS.Timeout | undefined;
    const tooLate = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([service.exited, tooLate]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('worker: /healthz answers 200 {"status":"ok"}; SIGTERM stops it with exit code 0', async () => {
    const worker = await startService('worker');
    const response = await fetch(worker.healthUrl);
    expect(await response.json()).toMatchObject({ status: 'ok' });

    const signalled = Date.now();
    worker.stop('SIGTERM');
    expect(await exitWithin(worker, stopBoundMs)).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(stopBoundMs);
    expect(worker.stderr()).toContain('"msg":"stopped"');
  }, 300_000);

  it('bot (`start` without a terminal): after SIGTERM it answers the message in hand, then exits 0', async () => {
    const bot = await startService('start');
    await until(() => api.callsOf('getUpdates').length > 0, 300_000, 'long polling');
    const resident = { id: 4_242_001, first_name: 'Sam', language_code: 'nl' };
    // Telegram asks to wait a second before the first reply: the message is in hand when the
    // signal comes.
    api.failNext('sendMessage', FakeBotApi.tooManyRequests(1), { chatId: String(resident.id) });
    await api.push(api.text(resident, 'hallo'));
    await until(() => api.callsOf('sendMessage').length > 0, 300_000, 'the first reply attempt');
    expect(api.sentTo(resident.id)).toEqual([]);

    bot.stop('SIGTERM');
    expect(await exitWithin(bot, stopBoundMs)).toEqual({ code: 0, signal: null });
    expect(api.sentTo(resident.id).length).toBeGreaterThan(0);
    expect(bot.stderr()).toContain('"msg":"stopped"');
  }, 300_000);
});
