/**
 * The bot process killed with SIGKILL at random moments while residents are in the middle
 * of their conversations, and started again, over and over. Three bots run side by side on
 * their own tokens (two long-polling, one with a webhook), each killed in turn; the kill
 * delays come from a seeded generator (FAULT_SEED replays a run). Telegram keeps what a dead
 * process did not confirm: getUpdates hands out again everything from the last confirmed
 * offset, and a webhook delivery without a 200 is retried. Each resident, like a person,
 * waits for Bloei's answer before sending the next message.
 * Afterwards every conversation must be complete, every answer stored exactly once and in
 * order, and every message Bloei owed the resident must have arrived. Each bot is its own
 * deployment with its own database: a deployment sends its outbox through its own bot.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { identityKey } from '../../src/conversations/identity-key.js';
import { FakeBotApi, type FakeUser } from '../support/fake-bot-api.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { databaseExpectations } from '../golden/expectations.js';
import { linkCoordinator } from '../support/golden.js';
import { BloeiProcess } from './support/bloei-process.js';
import {
  chatTranscript,
  loadGoldenConversation,
  updateFor,
  type GoldenConversation,
} from './support/golden-resident.js';
import { answersOf } from './support/observations.js';
import { referenceAnswers } from './support/reference-answers.js';
import { faultSeed, seededRandom, type Random } from './support/seeded-random.js';
import { deliverUpdate } from './support/telegram-delivery.js';
import { firstMissing } from './support/transcripts.js';
import { waitFor, within } from './support/wait-for.js';

const seed = faultSeed(9_122_026);
const killsPerBot = 13;
const webhookPath = '/telegram/webhook';
const flows = ['talentenscan-happy', 'wij-match-happy', 'check-in-happy'];
const languages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];

type Mode = 'polling' | 'webhook';

interface Resident {
  conversation: GoldenConversation;
  user: FakeUser;
  random: Random;
}

interface Line {
  mode: Mode;
  db: TestDatabase;
  api: FakeBotApi;
  port: number;
  secret: string;
  residents: Resident[];
  bot: BloeiProcess | undefined;
  kills: number;
  /** When the last kill was done: from then on the bot lives and finishes the work. */
  killsDoneAt: number;
  nextUpdateId: number;
}

describe('bots killed with SIGKILL at random points of conversations', () => {
  let db: TestDatabase;
  const lines: Line[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(lines.map((l) => l.bot?.kill('SIGKILL')));
    await Promise.all(lines.map((l) => l.api.close()));
    await Promise.all(lines.map((l) => l.db.drop()));
    await db?.drop();
  });

  it('loses no answer, applies none twice, and finishes every conversation', async () => {
    const random = seededRandom(seed);
    const prefix = `sigkill-${randomUUID()}`;
    const modes: Mode[] = ['polling', 'webhook', 'polling', 'webhook'];
    const files = flows.flatMap((flow) => languages.map((lng) => `${flow}.${lng}.txt`));
    for (const [i, mode] of modes.entries()) {
      const lineDb = await createTestDatabase();
      // As in production, someone receives the hand-offs the goldens raise.
      await linkCoordinator(lineDb.prisma, { channel: 'telegram', externalId: '990001' });
      lines.push({
        mode,
        db: lineDb,
        api: await FakeBotApi.start(`${100_001 + i}:kill-test-${i}`),
        port: await freePort(),
        secret: randomBytes(24).toString('base64url'),
        residents: files
          .filter((_, f) => f % modes.length === i)
          .map((file, r) => ({
            conversation: loadGoldenConversation(file),
            user: { id: 800_000 + i * 100 + r, first_name: 'Amina' },
            random: seededRandom(random.int(1, 2 ** 31)),
          })),
        bot: undefined,
        kills: 0,
        killsDoneAt: 0,
        nextUpdateId: 1,
      });
    }
    const envOf = (line: Line) => ({
      DATABASE_URL: line.db.url,
      REDIS_URL: inject('redisUrl'),
      BLOEI_QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: line.api.token,
      TELEGRAM_API_ROOT: line.api.apiRoot,
      FLOOD_MESSAGES: '100000',
      // Telegram's pace (about one message a second per chat) stays: a kill often lands
      // between two messages of one turn.
      ...(line.mode === 'webhook'
        ? {
            TELEGRAM_WEBHOOK_URL: `https://bloei.example.org${webhookPath}`,
            TELEGRAM_WEBHOOK_SECRET: line.secret,
            TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
            TELEGRAM_WEBHOOK_PORT: String(line.port),
          }
        : {}),
    });
    const start = async (line: Line) => {
      line.bot = new BloeiProcess('start', envOf(line));
      const ready = line.mode === 'webhook' ? 'telegram: webhook' : 'telegram: long polling';
      await line.bot.waitForLog((l) => l.msg === ready);
    };

    // What the conversations must store, worked out meanwhile by an app that is never killed.
    const expected = referenceAnswers(
      db.url,
      lines.flatMap((l) => l.residents.map((r) => r.conversation)),
    );
    expected.catch(() => undefined);
    const began = Date.now();
    let killsMidSend = 0;
    let killsLeavingUpdates = 0;
    const killer = async (line: Line, random: Random) => {
      for (let k = 0; k < killsPerBot; k++) {
        await start(line);
        // After a few of Bloei's messages went out in this life (so the conversations move
        // on), and a little more: while the engine runs, a turn commits, or a turn's replies
        // go out one by one (Telegram allows about one a second per chat).
        const bot = line.bot!;
        const sentBefore = line.api.sent.length;
        const quota = random.int(1, 8);
        await waitFor(
          () => line.api.sent.length - sentBefore >= quota,
          within(3_000),
          () => '',
        ).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, random.int(0, 300)));
        await bot.kill('SIGKILL');
        line.kills++;
        if (line.mode === 'polling' && (await pendingUpdates(line.api)) > 0) killsLeavingUpdates++;
        const keys = line.residents.map((r) => identityKey('telegram', String(r.user.id)));
        const midSend = await line.db.prisma.outboxMessage.count({
          where: { chatKey: { in: keys }, doneAt: null },
        });
        if (midSend > 0) killsMidSend++;
      }
      line.killsDoneAt = Date.now();
      await start(line);
    };

    const resident = async (line: Line, { conversation, user, random }: Resident) => {
      if (conversation.hint) user.language_code = conversation.hint;
      const owed: string[] = [];
      for (const [i, input] of conversation.inputs.entries()) {
        const update = updateFor(line.api, user, input, line.nextUpdateId++, random);
        if (line.mode === 'polling') await line.api.push(update);
        else {
          await deliverUpdate(`http://127.0.0.1:${line.port}${webhookPath}`, update, {
            secret: line.secret,
            timeoutMs: 600_000,
          });
        }
        owed.push(...conversation.replies[i]!);
        await waitFor(
          () => firstMissing(owed, chatTranscript(line.api, user)) === null,
          // The last life of the bot finishes what the killed ones left.
          () => (line.killsDoneAt > 0 ? line.killsDoneAt + 600_000 : Infinity),
          () => `${conversation.file} (${line.mode}): an answer to input ${i + 1}`,
        );
      }
    };

    await Promise.all(
      lines.flatMap((line) => [
        killer(line, seededRandom(random.int(1, 2 ** 31))),
        ...line.residents.map((r) => resident(line, r)),
      ]),
    ).catch((error: unknown) => {
      const problems = lines.map((l) => `${l.mode}:\n${l.bot?.problems().slice(-15).join('\n')}`);
      throw new Error(`${String(error)}\n${problems.join('\n')}`);
    });

    const finishedAt = Date.now();
    // Every message owed arrived in order; a kill between sending and recording it may
    // repeat one turn's messages, never skip one.
    let repeated = 0;
    for (const line of lines) {
      for (const { conversation, user } of line.residents) {
        const got = chatTranscript(line.api, user);
        const want = conversation.replies.flat();
        expect(firstMissing(want, got), `${conversation.file} (${line.mode})`).toEqual(null);
        repeated += got.length - want.length;
        await databaseExpectations[conversation.file]?.(
          line.db.prisma,
          'telegram',
          String(user.id),
        );
      }
    }
    const reference = await expected;
    for (const line of lines) {
      for (const { conversation, user } of line.residents) {
        expect(
          await answersOf(line.db.prisma, 'telegram', String(user.id)),
          `${conversation.file} (${line.mode})`,
        ).toEqual(reference.get(conversation.name));
      }
    }
    const kills = lines.reduce((sum, l) => sum + l.kills, 0);
    const killsDoneAt = Math.max(...lines.map((l) => l.killsDoneAt));
    console.log(
      `sigkill (seed ${seed}): ${kills} kills of ${lines.length} bots (${modes.join(', ')}), ` +
        `${lines.reduce((s, l) => s + l.residents.length, 0)} conversations finished; ` +
        `${killsMidSend} kills left a turn's replies unsent, ${killsLeavingUpdates} left polled ` +
        `updates for the next life; ${repeated} messages repeated; kills done after ` +
        `${killsDoneAt - began} ms, ` +
        `conversations after ${finishedAt - began} ms`,
    );
    expect(kills).toBeGreaterThanOrEqual(50);
  }, 1_800_000);
});

/** Updates Telegram still keeps for the bot (not yet fetched, or fetched but not confirmed). */
async function pendingUpdates(api: FakeBotApi): Promise<number> {
  const response = await fetch(`${api.apiRoot}/bot${api.token}/getWebhookInfo`);
  const info = (await response.json()) as { result: { pending_update_count: number } };
  return info.result.pending_update_count;
}
