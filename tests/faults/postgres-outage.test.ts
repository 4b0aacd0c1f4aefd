/**
 * PostgreSQL stopped for a few seconds (every connection cut at once) while residents are
 * chatting with two bot processes, one long-polling and one behind a webhook. What arrives
 * meanwhile must not be lost: a polled update is retried in the process, a webhook update
 * is answered with an error so Telegram delivers it again. Once the database is back every
 * message is answered and stored exactly once, and neither process ever exited. The two bots
 * are two deployments (two Telegram bots), each with its own database on the one server: a
 * deployment sends its outbox through its own bot.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeBotApi, type FakeUser } from '../support/fake-bot-api.js';
import { freePort } from '../support/free-port.js';
import { createPrismaClient } from '../../src/store/prisma-client.js';
import { adminQuery, databaseUrl } from '../support/template-database.js';
import { BloeiProcess } from './support/bloei-process.js';
import { chatTranscript, loadGoldenConversation, updateFor } from './support/golden-resident.js';
import { answersOf } from './support/observations.js';
import { referenceAnswers } from './support/reference-answers.js';
import { RestartablePostgres } from './support/restartable-postgres.js';
import { faultSeed, seededRandom } from './support/seeded-random.js';
import { deliverUpdate } from './support/telegram-delivery.js';
import { firstMissing } from './support/transcripts.js';
import { waitFor, within } from './support/wait-for.js';

const seed = faultSeed(4_122_026);
const outageMs = 3_000;
/** Only guards against a hang: a busy machine may answer late, which is no failure. */
const hangGuardMs = 300_000;
const webhookPath = '/telegram/webhook';
/** The first messages of three flows: past consent and well into the questions. */
const files = ['talentenscan-happy.nl.txt', 'wij-match-happy.en.txt', 'check-in-happy.tr.txt'];
const played = 9;

type Mode = 'polling' | 'webhook';

describe('PostgreSQL unavailable for a few seconds', () => {
  let postgres: RestartablePostgres;
  const apis: FakeBotApi[] = [];
  const bots: BloeiProcess[] = [];

  beforeAll(async () => {
    postgres = await RestartablePostgres.start();
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.kill('SIGKILL')));
    await Promise.all(apis.map((a) => a.close()));
    await postgres?.stop();
  });

  it('loses no message, stores each once, and the bots stay up', async () => {
    const random = seededRandom(seed);
    const secret = randomBytes(24).toString('base64url');
    const port = await freePort();
    const modes: Mode[] = ['polling', 'webhook'];
    await adminQuery(postgres.url, 'CREATE DATABASE outage_webhook');
    const urls = { polling: postgres.url, webhook: databaseUrl(postgres.url, 'outage_webhook') };
    for (const [i, mode] of modes.entries()) {
      const api = await FakeBotApi.start(`${200_001 + i}:outage-${i}`);
      apis.push(api);
      bots.push(
        new BloeiProcess('start', {
          DATABASE_URL: urls[mode],
          REDIS_URL: inject('redisUrl'),
          BLOEI_QUEUE_PREFIX: `outage-${randomUUID()}`,
          TELEGRAM_BOT_TOKEN: api.token,
          TELEGRAM_API_ROOT: api.apiRoot,
          FLOOD_MESSAGES: '100000',
          TELEGRAM_CHAT_INTERVAL_MS: '100',
          ...(mode === 'webhook'
            ? {
                TELEGRAM_WEBHOOK_URL: `https://bloei.example.org${webhookPath}`,
                TELEGRAM_WEBHOOK_SECRET: secret,
                TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
                TELEGRAM_WEBHOOK_PORT: String(port),
              }
            : {}),
        }),
      );
    }
    // Both migrate the same fresh database at once: the migration lock keeps that safe.
    await Promise.all(
      bots.map((b, i) =>
        b.waitForLog(
          (l) =>
            l.msg === (modes[i] === 'webhook' ? 'telegram: webhook' : 'telegram: long polling'),
        ),
      ),
    );
    const ready = Date.now();

    const residents = modes.flatMap((mode, m) =>
      files.map((file, r) => ({
        mode,
        api: apis[m]!,
        conversation: loadGoldenConversation(file, played),
        user: { id: 900_000 + m * 100 + r, first_name: 'Amina' } as FakeUser,
        random: seededRandom(random.int(1, 2 ** 31)),
      })),
    );
    let nextUpdateId = 1;
    let rejected = 0;
    let outageAt = 0;
    let outageOver = 0;
    const play = async (resident: (typeof residents)[number]) => {
      const { mode, api, conversation, user, random } = resident;
      if (conversation.hint) user.language_code = conversation.hint;
      const owed: string[] = [];
      for (const [i, input] of conversation.inputs.entries()) {
        const update = updateFor(api, user, input, nextUpdateId++, random);
        if (mode === 'polling') await api.push(update);
        else {
          const attempts = await deliverUpdate(`http://127.0.0.1:${port}${webhookPath}`, update, {
            secret,
            timeoutMs: 60_000,
          });
          rejected += attempts - 1;
        }
        owed.push(...conversation.replies[i]!);
        await waitFor(
          () => firstMissing(owed, chatTranscript(api, user)) === null,
          () => (outageOver ? outageOver + hangGuardMs : Infinity),
          () => `${conversation.name} (${mode}): an answer to input ${i + 1}`,
        );
      }
    };
    const outage = async () => {
      // Once every resident is under way, the database goes away mid-conversation.
      await waitFor(
        () => residents.every((r) => r.api.sentTo(r.user.id).length >= 4),
        within(hangGuardMs),
        () => 'conversations under way',
      );
      outageAt = Date.now();
      await postgres.pause('immediate');
      await new Promise((resolve) => setTimeout(resolve, outageMs));
      await postgres.resume();
      outageOver = Date.now();
    };
    await Promise.all([outage(), ...residents.map(play)]).catch((error: unknown) => {
      const problems = bots.map((b, i) => `${modes[i]}:\n${b.problems().slice(-25).join('\n')}`);
      throw new Error(`${String(error)}\n${problems.join('\n')}`);
    });
    const finished = Date.now();

    let repeated = 0;
    for (const { mode, api, conversation, user } of residents) {
      const got = chatTranscript(api, user);
      const want = conversation.replies.flat();
      expect(firstMissing(want, got), `${conversation.name} (${mode})`).toEqual(null);
      repeated += got.length - want.length;
    }
    const reference = await referenceAnswers(
      postgres.url,
      residents.map((r) => r.conversation),
    );
    for (const mode of modes) {
      const { prisma, close } = await createPrismaClient({ databaseUrl: urls[mode], dataDir: '/' });
      try {
        for (const { conversation, user } of residents.filter((r) => r.mode === mode)) {
          expect(
            await answersOf(prisma, 'telegram', String(user.id)),
            `${conversation.name} (${mode})`,
          ).toEqual(reference.get(conversation.name));
        }
      } finally {
        await close();
      }
    }

    // The outage was felt: polled updates failed and were retried, webhook posts refused.
    const retried = bots[0]!.logs.filter((l) => l.msg === 'telegram: inbound not handled');
    expect(retried.length).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    // Never exited: the same two processes did all of it.
    expect(bots.map((b) => b.running)).toEqual([true, true]);
    console.log(
      `postgres outage (seed ${seed}): ${outageMs} ms down, ${residents.length} conversations ` +
        `finished; ${retried.length} polled updates retried, ${rejected} webhook posts refused, ` +
        `${repeated} messages repeated; down ${outageAt - ready} ms after the bots were ready, ` +
        `all answered ${finished - outageOver} ms after it was back`,
    );
  }, 1_800_000);
});
