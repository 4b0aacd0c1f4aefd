import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bloeiMain } from '../support/bloei-main.js';
import { importDueCohort } from '../support/due-cohort.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const repo = join(import.meta.dirname, '../..');
const trainees = 120;
const kills = 2;
/** Only guards against a hang; a busy machine may take long, which is no failure. */
const hangGuardMs = 400_000;

/** `npm run worker` as its own process, sending through Telegram to the fake Bot API. */
function startWorker(env: Record<string, string>): ChildProcess {
  // One process, which a SIGKILL stops entirely.
  return spawn(process.execPath, [bloeiMain, 'worker'], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('follow-up worker killed mid-batch (SIGKILL), then restarted', () => {
  let db: TestDatabase;
  let api: FakeBotApi;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await FakeBotApi.start();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await api?.close();
    await db?.drop();
  });

  it('never sends a follow-up twice; what a killed worker was sending is recorded, not resent', async () => {
    const report = await importDueCohort(db.prisma, {
      name: 'Kill test',
      trainees,
      firstChatId: 500_000,
    });
    expect(report).toMatchObject({ ok: true, newEnrolments: trainees, late: trainees });

    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: inject('redisUrl'),
      BLOEI_QUEUE_PREFIX: `kill-${randomUUID()}`,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      FOLLOWUP_ALLOWED_HOURS: '0-24',
      FOLLOWUP_CLOSED_WEEKDAYS: '',
      MAINTENANCE_INTERVAL_SECONDS: '1',
      SEND_RATE_TELEGRAM_PER_SECOND: '14',
      FOLLOWUP_CLAIM_TIMEOUT_SECONDS: '3',
      JOB_LOCK_SECONDS: '2',
      LOG_LEVEL: 'warn',
    };
    const intros = () => api.sent.filter((m) => m.text.startsWith('Hoi! Hier is Bloei'));
    for (let k = 1; k <= kills; k++) {
      worker = startWorker(env);
      const target = Math.floor((trainees * k) / (kills + 1)) + Math.floor(Math.random() * 10);
      await until(() => intros().length >= target, hangGuardMs, `${target} follow-ups`);
      worker.kill('SIGKILL');
      await new Promise((r) => worker!.once('exit', r));
    }
    worker = startWorker(env);
    // Done when no follow-up waits any more: each was sent, or a killed worker's claim on it
    // was found and recorded as uncertain (not resent), either on the follow-up or in its
    // chat's outbox,
    // and the outbox holds nothing unsent any more.
    await until(
      async () =>
        (await db.prisma.followUp.count({ where: { stage: 'initial' } })) === 0 &&
        (await db.prisma.outboxMessage.count({ where: { doneAt: null } })) === 0,
      hangGuardMs,
      'every follow-up sent or recorded as uncertain',
    );
    worker.kill('SIGTERM');
    await new Promise((r) => worker!.once('exit', r));

    const perChat = new Map<string, number>();
    for (const m of intros()) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect([...perChat.values()].filter((n) => n > 1)).toEqual([]);
    const uncertain = await db.prisma.followUp.findMany({
      where: { uncertainStage: 'initial' },
      include: { enrolment: { include: { contact: { include: { identities: true } } } } },
    });
    const uncertainInOutbox = await db.prisma.outboxMessage.findMany({
      where: { outcome: 'uncertain' },
      include: { chat: true },
    });
    const uncertainChats = new Set([
      ...uncertain.map((f) => f.enrolment.contact.identities[0]!.externalId),
      ...uncertainInOutbox.map((m) => m.chat.address),
    ]);
    const notReached = Array.from({ length: trainees }, (_, i) => String(500_000 + i)).filter(
      (chat) => !perChat.has(chat),
    );
    expect(notReached.filter((chat) => !uncertainChats.has(chat))).toEqual([]);
    // At most what a killed worker had in flight: the follow-ups of its last second (the send
    // rate) and the chats its outbox sweep was sending side by side (16).
    expect(uncertainChats.size).toBeLessThanOrEqual(kills * (14 + 16));
    console.log(
      `worker kill test: ${trainees} follow-ups, ${kills} kills, ${perChat.size} sent exactly once, ` +
        `${uncertainChats.size} recorded uncertain (${notReached.length} of them not reached), 0 sent twice`,
    );
  }, 1_000_000);
});
