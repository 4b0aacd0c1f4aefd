/**
 * Two bot replicas in webhook mode behind a round-robin load balancer, and two workers, on
 * one PostgreSQL and one Redis. Residents play the golden conversations (two of each), all
 * at the same time, delivered the way Telegram does it (one chat's updates in order, the
 * next only after a 200), so one resident's consecutive messages land on either replica.
 * Some deliveries are repeated on the other replica: after the 200 (the answer got lost on
 * the way back) or while the first replica is still working on it (Telegram gave up
 * waiting). Nothing may be processed twice, answered twice or out of order.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeBotApi, type FakeUser } from '../support/fake-bot-api.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { databaseExpectations } from '../golden/expectations.js';
import { linkCoordinator } from '../support/golden.js';
import { BloeiProcess } from './support/bloei-process.js';
import {
  chatTranscript,
  goldenDir,
  loadGoldenConversation,
  updateFor,
} from './support/golden-resident.js';
import { answersOf, handoffAlerts } from './support/observations.js';
import { referenceAnswers } from './support/reference-answers.js';
import { faultSeed, seededRandom } from './support/seeded-random.js';
import { deliverUpdate } from './support/telegram-delivery.js';
import { WebhookBalancer } from './support/webhook-balancer.js';

const seed = faultSeed(20_261_122);
const webhookPath = '/telegram/webhook';
const coordinatorChat = 990_001;
/** Every golden conversation up to 17 messages long (the longer ones only take longer), twice. */
const goldens = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.txt') && loadGoldenConversation(f).inputs.length <= 17)
  .sort()
  .flatMap((f) => [f, f]);

describe('two bot replicas and two workers behind a load balancer', () => {
  let db: TestDatabase;
  /** Where the reference app plays the same conversations: its alerts are not the replicas'. */
  let referenceDb: TestDatabase;
  let api: FakeBotApi;
  let balancer: WebhookBalancer | undefined;
  const processes: BloeiProcess[] = [];

  beforeAll(async () => {
    [db, referenceDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    api = await FakeBotApi.start();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await balancer?.close();
    await api?.close();
    await db?.drop();
    await referenceDb?.drop();
  });

  it('processes every update once, in order per resident, and alerts each hand-off once', async () => {
    await linkCoordinator(db.prisma, {
      channel: 'telegram',
      externalId: String(coordinatorChat),
    });
    const began = Date.now();
    const secret = randomBytes(24).toString('base64url');
    const prefix = `replicas-${randomUUID()}`;
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: inject('redisUrl'),
      BLOEI_QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://bloei.example.org${webhookPath}`,
      TELEGRAM_WEBHOOK_SECRET: secret,
      TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      // Scripted residents answer at once: no flood control, and no pause of a second between
      // two messages to one chat (that only makes the test slower; the kill test keeps it).
      FLOOD_MESSAGES: '100000',
      TELEGRAM_CHAT_INTERVAL_MS: '100',
    };
    const ports = [await freePort(), await freePort()];
    const bots = ports.map(
      (port) => new BloeiProcess('start', { ...env, TELEGRAM_WEBHOOK_PORT: String(port) }),
    );
    const workers = [new BloeiProcess('worker', env), new BloeiProcess('worker', env)];
    processes.push(...bots, ...workers);
    await Promise.all([
      ...bots.map((b) => b.waitForLog((l) => l.msg === 'telegram: webhook')),
      ...workers.map((w) => w.waitForLog((l) => l.msg === 'worker started')),
    ]);
    const ready = Date.now();
    balancer = await WebhookBalancer.start(ports.map((port) => `http://127.0.0.1:${port}`));
    const url = `${balancer.origin}${webhookPath}`;

    const random = seededRandom(seed);
    let nextUpdateId = 1;
    const residents = goldens.map((file, i) => ({
      conversation: loadGoldenConversation(file),
      user: { id: 700_000 + i, first_name: 'Amina' } as FakeUser,
      random: seededRandom(random.int(1, 2 ** 31)),
      updateIds: [] as number[],
    }));
    // What the conversations must store, worked out meanwhile by one in-process app.
    const expected = referenceAnswers(
      referenceDb.url,
      residents.map((r) => r.conversation),
    );
    expected.catch(() => undefined);
    let repeatedAfter = 0;
    let repeatedDuring = 0;
    await Promise.all(
      residents.map(async ({ conversation, user, random, updateIds }) => {
        if (conversation.hint) user.language_code = conversation.hint;
        for (const input of conversation.inputs) {
          const update = updateFor(api, user, input, nextUpdateId++, random);
          updateIds.push(update.update_id);
          const during = random.chance(0.15);
          if (during) repeatedDuring++;
          await deliverUpdate(url, update, {
            secret,
            ...(during ? { abandonFirstAfterMs: random.int(5, 120) } : {}),
          });
          if (random.chance(0.15)) {
            repeatedAfter++;
            await deliverUpdate(url, update, { secret });
          }
        }
      }),
    );

    const talked = Date.now();
    const handoffs = await db.prisma.handoff.findMany({
      where: { contact: { identities: { some: { channel: 'telegram' } } } },
      select: { number: true },
    });
    await alertsSettled(db, handoffs.length);

    for (const { conversation, user } of residents) {
      expect(chatTranscript(api, user), conversation.file).toEqual(conversation.replies.flat());
      await databaseExpectations[conversation.file]?.(db.prisma, 'telegram', String(user.id));
    }
    // Answers stored once each, in the order the resident gave them: the same as one
    // in-process app stores for the same script.
    const reference = await expected;
    for (const { conversation, user } of residents) {
      expect(await answersOf(db.prisma, 'telegram', String(user.id)), conversation.file).toEqual(
        reference.get(conversation.name),
      );
    }

    expect(handoffs.length).toBeGreaterThanOrEqual(10);
    const alerts = handoffAlerts(api, coordinatorChat);
    expect(alerts.sort((a, b) => a - b)).toEqual(
      handoffs.map((h) => h.number).sort((a, b) => a - b),
    );

    // The faults really happened: both replicas served, one resident's next message often
    // went to the other replica, and repeated deliveries reached both.
    const replicasPerUpdate = new Map<number, number[]>();
    for (const f of balancer.forwarded) {
      replicasPerUpdate.set(f.updateId, [...(replicasPerUpdate.get(f.updateId) ?? []), f.replica]);
    }
    const firstReplica = (id: number) => replicasPerUpdate.get(id)![0];
    const switches = residents
      .flatMap(({ updateIds }) => updateIds.slice(1).map((id, i) => [updateIds[i]!, id]))
      .filter(([before, next]) => firstReplica(before!) !== firstReplica(next!)).length;
    const onBoth = [...replicasPerUpdate.values()].filter((r) => new Set(r).size === 2).length;
    expect(new Set(balancer.forwarded.map((f) => f.replica))).toEqual(new Set([0, 1]));
    expect(switches).toBeGreaterThan(100);
    expect(onBoth).toBeGreaterThan(20);
    for (const p of processes) expect(p.running, p.problems().join('\n')).toBe(true);
    console.log(
      `multi-replica (seed ${seed}): ${residents.length} residents, ${nextUpdateId - 1} updates, ` +
        `${repeatedAfter} repeated after a 200, ${repeatedDuring} while in progress ` +
        `(${balancer.forwarded.filter((f) => f.outcome === 'dropped').length} dropped), ` +
        `${onBoth} seen by both replicas, ${switches} next messages on the other replica, ` +
        `${handoffs.length} hand-offs alerted once each; ` +
        `processes ready after ${ready - began} ms, conversations took ${talked - ready} ms`,
    );
  }, 1_800_000);
});

/** Waits until `expected` hand-offs were alerted and no alert waits in the outbox. */
async function alertsSettled(db: TestDatabase, expected: number): Promise<void> {
  const deadline = Date.now() + 280_000; // only a hang guard
  for (;;) {
    const alerted = await db.prisma.handoff.count({ where: { alertedAt: { not: null } } });
    const waiting = await db.prisma.outboxMessage.count({
      where: { kind: 'handoff-alert', doneAt: null },
    });
    if (alerted >= expected && waiting === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`alerts not settled: ${alerted} of ${expected} alerted, ${waiting} waiting`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
