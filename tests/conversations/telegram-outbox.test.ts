/**
 * The outbox against real grammY (throttler, auto-retry) and the fake Bot API: a long 429
 * wait holds no database connection and sends its reply once, and a follow-up broadcast and
 * fifty live chats both go on at the same time.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { TelegramChannel } from '../../src/bots/telegram/telegram-channel.js';
import type { InboundMessage } from '../../src/conversations/messages.js';
import { consentNl } from '../support/conversation-driver.js';
import { importDueCohort } from '../support/due-cohort.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { silentLogger } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testIdSecret } from '../support/test-id-secret.js';

let nextUpdate = 0;
const text = (chat: number, body: string): InboundMessage => ({
  channel: 'telegram',
  userId: String(chat),
  messageId: `u${++nextUpdate}`,
  receivedAt: new Date(),
  content: { type: 'text', text: body },
  languageHint: 'nl',
});

async function telegramApp(db: TestDatabase, api: FakeBotApi, jobs = false): Promise<App> {
  const app = await createApp(
    { databaseUrl: db.url, dataDir: '/nonexistent', defaultLanguage: 'nl', idSecret: testIdSecret },
    silentLogger,
    {
      flood: false,
      ...(jobs
        ? {
            jobs: {
              redisUrl: inject('redisUrl'),
              prefix: `test-${randomUUID()}`,
              queues: ['followups-telegram'] as const,
              limits: { 'followups-telegram': { max: 30, duration: 1000 } },
            },
          }
        : {}),
    },
  );
  app.router.add(
    new TelegramChannel(
      { token: api.token, apiRoot: api.apiRoot, webhook: undefined },
      silentLogger,
      app.translator,
    ),
  );
  return app;
}

/** The app's connections in a transaction or holding a lock, right now. */
async function held(client: pg.Client, database: string): Promise<number> {
  const { rows } = await client.query<{ held: number }>(
    `SELECT count(*)::int AS held FROM pg_stat_activity a
    WHERE a.datname = $1 AND a.pid <> pg_backend_pid() AND (
      a.state LIKE 'idle in transaction%' OR a.wait_event_type = 'Lock'
      OR EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory'))`,
    [database],
  );
  return rows[0]?.held ?? 0;
}

describe('the outbox on Telegram', () => {
  let db: TestDatabase;
  let api: FakeBotApi;
  beforeAll(async () => {
    [db, api] = await Promise.all([createTestDatabase(), FakeBotApi.start()]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('sends a reply once through a 429 with retry_after 25 s, holding no connection meanwhile', async () => {
    const one = await telegramApp(db, api);
    // Another process sweeping Telegram the whole time: it must not take the chat over.
    const two = await telegramApp(db, api);
    const sampler = new pg.Client({ connectionString: db.url });
    await sampler.connect();
    const chat = 4242;
    try {
      api.failNext('sendMessage', FakeBotApi.tooManyRequests(25), { chatId: String(chat) });
      let done = false;
      const handled = one.handler.handle(text(chat, 'hallo')).finally(() => (done = true));
      const database = new URL(db.url).pathname.slice(1);
      let most = 0;
      let samples = 0;
      while (!done) {
        most = Math.max(most, await held(sampler, database));
        samples += 1;
        await two.sender.sweep();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const replies = await handled;
      expect(replies[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
      await two.sender.idle();
      const calls = api
        .callsOf('sendMessage')
        .filter((c) => String(c.payload.chat_id) === String(chat));
      // The first send got the 429 and went again after 25 s; every reply arrived once.
      expect(calls).toHaveLength(replies.length + 1);
      const start = (t: string) => t.slice(0, 20);
      expect(api.sentTo(chat).map((m) => start(m.text))).toEqual(replies.map((r) => start(r.text)));
      expect(samples).toBeGreaterThan(10);
      expect(most).toBe(0);
      const [row] = await one.prisma.outboxMessage.findMany({
        where: { chat: { address: String(chat) } },
      });
      expect(row).toMatchObject({
        outcome: 'sent',
        platformId: String(api.sentTo(chat)[0]!.messageId),
      });
    } finally {
      await sampler.end();
      await one.close();
      await two.close();
    }
  }, 300_000);

  it('lets a follow-up broadcast and fifty live chats both progress', async () => {
    const trainees = 100;
    const report = await importDueCohort(db.prisma, {
      name: 'Broadcast',
      trainees,
      firstChatId: 700_000,
    });
    expect(report).toMatchObject({ ok: true, newEnrolments: trainees });
    const app = await telegramApp(db, api, true);
    try {
      const residents = Array.from({ length: 50 }, (_, i) => 600_000 + i);
      const chatting = Promise.all(
        residents.map(async (chat) => {
          for (const line of consentNl) await app.handler.handle(text(chat, line));
        }),
      );
      expect(await app.maintenance()).toMatchObject({ followUps: trainees });
      await chatting;
      const broadcast = (m: { chatId: string }) => Number(m.chatId) >= 700_000;
      const cap = Date.now() + 280_000;
      while (api.sent.filter(broadcast).length < trainees * 2 && Date.now() < cap) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const order = api.sent.filter((m) => Number(m.chatId) >= 600_000).map(broadcast);
      const [firstChat, lastChat] = [order.indexOf(false), order.lastIndexOf(false)];
      const [firstSend, lastSend] = [order.indexOf(true), order.lastIndexOf(true)];
      // While the residents chatted the broadcast went on, and the other way round.
      expect(order.slice(firstChat, lastChat).filter((b) => b).length).toBeGreaterThan(10);
      expect(order.slice(firstSend, lastSend).filter((b) => !b).length).toBeGreaterThan(10);
      expect(order.filter((b) => b)).toHaveLength(trainees * 2);
      for (const chat of residents) {
        expect(api.sentTo(chat).at(-1)?.text).toBe(api.sentTo(residents[0]!).at(-1)?.text);
      }
    } finally {
      await app.close();
    }
  }, 300_000);
});
