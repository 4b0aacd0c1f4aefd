/**
 * The pipeline on Telegram as residents meet it: 50 residents chat through real grammY with
 * the real throttler (about one message a second per chat, thirty a second in all) and
 * auto-retry, against the test suite's fake Bot API answering in 30–80 ms (bench/slow-bot-api).
 * After consent (not measured) each resident answers the talentenscan's questions, waiting
 * for Bloei's reply each time. Meanwhile a sampler reads pg_stat_activity every few
 * milliseconds and, whenever a sendMessage call is waiting on the network, counts the app's
 * connections that are in a transaction or hold a lock: sending must hold none.
 * The same run with 10% of sendMessage calls answered 429 (retry after 1 s), and with a
 * follow-up broadcast of 500 messages (250 trainees, two messages each, through the
 * follow-up queue at 30 a second) beside the chats: both must progress.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createApp, type App } from '../src/app.js';
import { TelegramChannel } from '../src/bots/telegram/telegram-channel.js';
import { seededRandom } from '../tests/faults/support/seeded-random.js';
import { consentNl } from '../tests/support/conversation-driver.js';
import { importDueCohort } from '../tests/support/due-cohort.js';
import { silentLogger } from '../tests/support/test-app.js';
import { percentile, type BenchContext, type BenchResult } from './bench-context.js';
import { SlowBotApi } from './slow-bot-api.js';
import { testIdSecret } from '../tests/support/test-id-secret.js';

const residents = 50;
const answers = ['1', 'Van koken', 'Ik was kok', '1, 2', 'Koken voor de buren', 'Nederlands leren'];
const broadcastChat = 800_000;
const poolSize = 10;

interface TelegramRun {
  /** Most connections seen in a transaction or holding a lock while a send was in flight. */
  held: number;
  samples: number;
  replies: number;
  repliesPerSecond: number;
  p50: number;
  p99: number;
  /** Broadcast messages sent per second while the residents chatted (or in all, alone). */
  broadcastPerSecond: number;
  broadcastSent: number;
  tooMany: number;
}

/** Sends a message as a Telegram resident, the way the adapter hands it over. */
function say(app: App, chat: number, text: string, id: string) {
  return app.handler.handle({
    channel: 'telegram',
    userId: String(chat),
    messageId: id,
    receivedAt: new Date(),
    content: { type: 'text', text },
    languageHint: 'nl',
  });
}

/** Samples the app's connections while a send waits on the network; returns a stop function. */
function sampleConnections(url: string, database: string, slow: SlowBotApi) {
  const client = new pg.Client({ connectionString: url });
  let held = 0;
  let samples = 0;
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const sending = slow.inFlight > 0;
      const { rows } = await client.query<{ state: string; wait: string | null; query: string }>(
        `SELECT a.state, a.wait_event_type AS wait, left(a.query, 40) AS query
        FROM pg_stat_activity a
        WHERE a.datname = $1 AND a.pid <> pg_backend_pid() AND (
          a.state LIKE 'idle in transaction%' OR a.wait_event_type = 'Lock'
          OR EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory'))`,
        [database],
      );
      if (sending && slow.inFlight > 0) {
        samples += 1;
        if (rows.length > held) {
          held = rows.length;
          console.log(`held ${held} while sending: ${JSON.stringify(rows)}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await done;
    return { held, samples };
  };
}

async function telegramRun(
  ctx: BenchContext,
  options: { chats: number; tooManyShare?: number; broadcast?: number },
): Promise<TelegramRun> {
  const db = await ctx.database();
  const random = seededRandom(61_206);
  const slow = await SlowBotApi.start({
    tooManyShare: options.tooManyShare ?? 0,
    random: random.next,
  });
  let app: App | undefined;
  try {
    if (options.broadcast) {
      const report = await importDueCohort(db.prisma, {
        name: 'Broadcast',
        trainees: options.broadcast,
        firstChatId: broadcastChat,
      });
      if (!report.ok) throw new Error('cohort import failed');
    }
    app = await createApp(
      {
        databaseUrl: db.url,
        dataDir: '/nonexistent',
        defaultLanguage: 'nl',
        idSecret: testIdSecret,
      },
      silentLogger,
      {
        flood: false,
        ...(options.broadcast
          ? {
              jobs: {
                redisUrl: ctx.redisUrl,
                prefix: `bench-${randomUUID()}`,
                queues: ['followups-telegram'],
                limits: { 'followups-telegram': { max: 30, duration: 1000 } },
              },
            }
          : {}),
      },
    );
    const telegram = new TelegramChannel(
      { token: slow.token, apiRoot: slow.apiRoot, webhook: undefined },
      silentLogger,
      app.translator,
    );
    app.router.add(telegram);
    const chats = Array.from({ length: options.chats }, (_, i) => 100_000 + i);
    let next = 0;
    const id = () => `u${next++}`;
    await Promise.all(
      chats.map(async (chat) => {
        for (const line of consentNl) await say(app!, chat, line, id());
      }),
    );
    const { api } = slow;
    const broadcastSent = () => api.sent.filter((m) => Number(m.chatId) >= broadcastChat).length;
    const stop = sampleConnections(db.url, db.name, slow);
    const start = performance.now();
    if (options.broadcast) await app.maintenance();
    const latencies: number[] = [];
    let replies = 0;
    await Promise.all(
      chats.map(async (chat) => {
        for (const line of answers) {
          const sent = performance.now();
          const got = await say(app!, chat, line, id());
          replies += got.length;
          latencies.push(performance.now() - sent);
        }
      }),
    );
    if (options.chats === 0 && options.broadcast) {
      const cap = Date.now() + 5 * 60_000;
      while (broadcastSent() < options.broadcast * 2 && Date.now() < cap) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const sentByBroadcast = broadcastSent();
    const { held, samples } = await stop();
    return {
      held,
      samples,
      replies,
      repliesPerSecond: replies / seconds,
      p50: latencies.length ? percentile(latencies, 0.5) : 0,
      p99: latencies.length ? percentile(latencies, 0.99) : 0,
      broadcastPerSecond: sentByBroadcast / seconds,
      broadcastSent: sentByBroadcast,
      tooMany: slow.tooMany,
    };
  } finally {
    await app?.close();
    await slow.close();
    await db.drop();
  }
}

export async function telegramPipelineBench(ctx: BenchContext): Promise<BenchResult[]> {
  const plain = await telegramRun(ctx, { chats: residents });
  const throttled = await telegramRun(ctx, { chats: residents, tooManyShare: 0.1 });
  const broadcastAlone = await telegramRun(ctx, { chats: 0, broadcast: 250 });
  const both = await telegramRun(ctx, { chats: residents, broadcast: 250 });
  const held = Math.max(plain.held, throttled.held, both.held);
  const samples = plain.samples + throttled.samples + both.samples;
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const perSecond = (v: number) => `${v.toFixed(1)}/s`;
  return [
    {
      name: `connections held during channel sends, ${residents} Telegram residents (fake Bot API 30–80 ms, real throttler; with 10% 429s; beside a broadcast)`,
      value: `${held} (${plain.held} / ${throttled.held} / ${both.held})`,
      baseline: `${poolSize} pooled connections (${samples} samples of pg_stat_activity taken while a send waited on the network)`,
      ratio: held / poolSize,
    },
    {
      name: `pipeline on Telegram, ${residents} residents answering questions: replies per second (one run)`,
      value: `${perSecond(plain.repliesPerSecond)} (${plain.replies} replies)`,
      baseline: `${perSecond(Math.min(30, residents))} the throttler allows (one a second per chat, 30 in all)`,
      ratio: plain.repliesPerSecond / Math.min(30, residents),
    },
    {
      name: `pipeline on Telegram, ${residents} residents: latency p50 / p99 from message to reply sent (one run)`,
      value: `${ms(plain.p50)} / ${ms(plain.p99)}`,
      baseline: `1000 ms: the least time between two messages to one chat`,
      ratio: plain.p50 / 1000,
    },
    {
      name: `pipeline on Telegram with 10% 429s (retry after 1 s): replies per second, latency p50 / p99 (one run)`,
      value: `${perSecond(throttled.repliesPerSecond)}; ${ms(throttled.p50)} / ${ms(throttled.p99)} (${throttled.tooMany} answered 429)`,
      baseline: `${perSecond(plain.repliesPerSecond)} without 429s`,
      ratio: throttled.repliesPerSecond / plain.repliesPerSecond,
    },
    {
      name: `pipeline on Telegram beside a 500-message follow-up broadcast: the residents' replies per second (one run)`,
      value: `${perSecond(both.repliesPerSecond)} (p99 ${ms(both.p99)})`,
      baseline: `${perSecond(plain.repliesPerSecond)} without the broadcast`,
      ratio: both.repliesPerSecond / plain.repliesPerSecond,
    },
    {
      name: `follow-up broadcast beside ${residents} chatting residents: broadcast messages per second (one run)`,
      value: `${perSecond(both.broadcastPerSecond)} (${both.broadcastSent} sent while the residents chatted)`,
      baseline: `${perSecond(broadcastAlone.broadcastPerSecond)} with nobody chatting`,
      ratio: both.broadcastPerSecond / broadcastAlone.broadcastPerSecond,
    },
  ];
}
