/**
 * Send pacing on Telegram: a campaign of scheduled messages (10,000, or
 * BENCH_PACING_MESSAGES for a quick run) goes out through the real outbox while residents
 * chat, all through real grammY (throttler, auto-retry) to the test suite's fake Bot API
 * answering in 30–80 ms, with the channel's budget at 25 messages a second in Redis as in
 * production. The scheduled messages are written as a scheduled flow writes them (one
 * `once` message per resident's chat) and the outbox's sweeper sends them.
 *
 * Measured where the messages arrive (the fake API's front door): messages a second in each
 * full one-second window of the campaign, live and scheduled together, against the budget
 * (the busiest and the median window); residents' latency from message to reply sent, with
 * the campaign running against the same residents' traffic before it; and per campaign chat
 * how many messages the fake API received (more than one: a duplicate; none: lost).
 */
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../src/app.js';
import { TelegramChannel } from '../src/bots/telegram/telegram-channel.js';
import { chatOf } from '../src/conversations/identity-key.js';
import { messageEntry } from '../src/conversations/outbox-kinds.js';
import { seededRandom, type Random } from '../tests/faults/support/seeded-random.js';
import { consentNl } from '../tests/support/conversation-driver.js';
import { silentLogger } from '../tests/support/test-app.js';
import { testIdSecret } from '../tests/support/test-id-secret.js';
import { percentile, type BenchContext, type BenchResult } from './bench-context.js';
import { SlowBotApi } from './slow-bot-api.js';

const campaignSize = Number(process.env.BENCH_PACING_MESSAGES ?? 10_000);
const perSecond = 25;
/** Residents chatting at the same time, each thinking 1–3 s before answering. */
const chatting = 8;
const baselineMs = 30_000;
const answers = ['1', 'Van koken', 'Ik was kok', '1, 2', 'Koken voor de buren', 'Nederlands leren'];
const firstCampaignChat = 900_000;
const hangGuardMs = 60 * 60_000;

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

/**
 * Residents who chat until `stop()` says so: each of `chatting` lanes takes a new resident,
 * who consents and answers the talentenscan's questions, thinking between messages.
 */
async function residentsChat(
  app: App,
  random: Random,
  firstChat: number,
  stop: () => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  let nextResident = firstChat;
  let nextId = 0;
  await Promise.all(
    Array.from({ length: chatting }, async () => {
      while (!stop()) {
        const chat = nextResident++;
        for (const line of [...consentNl, ...answers]) {
          if (stop()) return;
          const sent = performance.now();
          await say(app, chat, line, `${chat}-${nextId++}`);
          latencies.push(performance.now() - sent);
          await new Promise((resolve) => setTimeout(resolve, 1000 + random.next() * 2000));
        }
      }
    }),
  );
  return latencies;
}

/** Messages that arrived in each full second from `from` to `to` (ms, performance.now()). */
function perWindow(times: readonly number[], from: number, to: number): number[] {
  const windows = Array.from({ length: Math.floor((to - from) / 1000) }, () => 0);
  for (const t of times) {
    const index = Math.floor((t - from) / 1000);
    if (t >= from && index < windows.length) windows[index]! += 1;
  }
  return windows;
}

export async function pacingBench(ctx: BenchContext): Promise<BenchResult[]> {
  const db = await ctx.database();
  const random = seededRandom(71_207);
  const slow = await SlowBotApi.start({ random: random.next });
  let app: App | undefined;
  try {
    app = await createApp(
      {
        databaseUrl: db.url,
        dataDir: '/nonexistent',
        defaultLanguage: 'nl',
        idSecret: testIdSecret,
        pacing: { telegram: { perSecond, perChatMs: 1000 } },
      },
      silentLogger,
      {
        flood: false,
        jobs: { redisUrl: ctx.redisUrl, prefix: `bench-${randomUUID()}`, queues: [] },
      },
    );
    const telegram = new TelegramChannel(
      { token: slow.token, apiRoot: slow.apiRoot, webhook: undefined },
      silentLogger,
      app.translator,
    );
    app.router.add(telegram);

    const baselineEnds = performance.now() + baselineMs;
    const alone = await residentsChat(app, random, 100_000, () => performance.now() > baselineEnds);

    const { api } = slow;
    const campaignSent = () => api.sent.filter((m) => Number(m.chatId) >= firstCampaignChat);
    let done = false;
    const beside = residentsChat(app, random, 200_000, () => done);
    const campaignFrom = slow.sendTimes.length;
    // How many scheduled messages wait for the budget: none waiting while windows run below
    // it means the sending around the budget, not the budget, held them back.
    const queued: number[] = [];
    const sampler = setInterval(() => {
      queued.push(app!.pacer?.waiting('telegram').background ?? 0);
    }, 200);
    const chats = Array.from({ length: campaignSize }, (_, i) =>
      chatOf('telegram', String(firstCampaignChat + i)),
    );
    let written = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (written < chats.length) {
          const chat = chats[written++]!;
          const text = `Hoi! Hoe gaat het met je? (${chat.address})`;
          const entry = { ...messageEntry({ text, choices: [] }), once: true };
          await app!.outbox.enqueue(chat, [entry], null, new Date());
        }
      }),
    );
    const cap = performance.now() + hangGuardMs;
    while ((await app.outbox.backlog()) > 0 && performance.now() < cap) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    done = true;
    clearInterval(sampler);
    const withCampaign = await beside;

    // Windows from the campaign's first send to its last, all messages counted.
    const campaignIds = new Set(chats.map((c) => c.address));
    const received = campaignSent();
    const times = slow.sendTimes.slice(campaignFrom);
    const windows = perWindow(times, times[0]!, times.at(-1)!);
    const sorted = [...windows].sort((a, b) => a - b);
    const busiest = sorted.at(-1) ?? 0;
    const medianWindow = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const perChat = new Map<string, number>();
    for (const m of received) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = [...campaignIds].filter((id) => !perChat.has(id)).length;
    const seconds = windows.length;
    const p = (samples: number[], q: number) => percentile(samples, q);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const [p50a, p99a, p50b, p99b] = [
      p(alone, 0.5),
      p(alone, 0.99),
      p(withCampaign, 0.5),
      p(withCampaign, 0.99),
    ];
    const size = campaignSize.toLocaleString('en');
    return [
      {
        name: `pacing, ${size} scheduled messages beside ${chatting} chatting residents on Telegram (fake Bot API 30–80 ms): messages in the busiest one-second window (one run)`,
        value: `${busiest}/s (median window ${medianWindow}/s over ${seconds} windows; campaign ${(received.length / seconds).toFixed(1)}/s of it)`,
        baseline: `${perSecond}/s configured (SEND_RATE_TELEGRAM_PER_SECOND)`,
        ratio: busiest / perSecond,
      },
      {
        name: `pacing, the same run: messages in the median one-second window`,
        value: `${medianWindow}/s (scheduled messages waiting for the budget: median ${percentile(queued, 0.5)}, ${((queued.filter((n) => n === 0).length / queued.length) * 100).toFixed(0)}% of samples none)`,
        baseline: `${perSecond}/s configured`,
        ratio: medianWindow / perSecond,
      },
      {
        name: `pacing, residents' latency p50 / p99 from message to reply sent, with the campaign running (one run)`,
        value: `${ms(p50b)} / ${ms(p99b)} (${withCampaign.length} messages; p99 ${(p99b / p99a).toFixed(2)}× alone)`,
        baseline: `${ms(p50a)} / ${ms(p99a)} without it (${alone.length} messages)`,
        ratio: p50b / p50a,
      },
      {
        name: `pacing, duplicates and lost messages of the campaign, counted at the fake Bot API`,
        value: `${duplicates} duplicates, ${lost} lost (${perChat.size} of ${size} chats got one)`,
        baseline: `${size} scheduled`,
        ratio: (duplicates + lost) / campaignSize,
      },
    ];
  } finally {
    await app?.close();
    await slow.close();
    await db.drop();
  }
}
