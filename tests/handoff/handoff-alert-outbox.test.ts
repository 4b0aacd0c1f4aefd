import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reraiseAlerts } from '../../src/handoff/reraise-alerts.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const minute = 60_000;

/** New-hand-off alerts a chat got, by hand-off number. */
const alertsTo = (channel: RecordingChannel, chat: string) =>
  channel.sent
    .filter((m) => m.userId === chat)
    .map((m) => /^Nieuwe hand-off #(\d+)/.exec(m.text)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);

/** Waits until `done()` holds; the cap only guards against a hang. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  const cap = Date.now() + 280_000;
  while (!(await done())) {
    if (Date.now() > cap) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Removes every key of the app's queues: Redis restarted without persistence. */
async function emptyRedis(app: TestApp): Promise<void> {
  const redis = new Redis(inject('redisUrl'));
  try {
    const keys = await redis.keys(`${app.jobs!.connection.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

async function linkCoordinator(app: TestApp, chat: string): Promise<void> {
  await app.prisma.verbinder.create({
    data: {
      name: `Coördinator ${chat}`,
      role: 'coordinator',
      channel: 'telegram',
      externalId: chat,
      linkedAt: app.clock.now(),
    },
  });
}

describe('hand-off alerts through the outbox', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('delivers an alert committed with its hand-off once, though its process died before sending and Redis was emptied', async () => {
    const one = await createTestApp(db.url, { jobs: true });
    await linkCoordinator(one, '9101');
    // This process cannot reach Telegram: it stops right after the commit, as if killed.
    await say(one, 'alert-1', ...consentNl, 'Ik wil niet meer leven');
    const handoff = await one.prisma.handoff.findFirstOrThrow({
      where: { contact: { identities: { some: { externalId: 'alert-1' } } } },
    });
    expect(handoff).toMatchObject({ urgency: 'urgent', alertedAt: null });
    expect(await one.store.handoffs.urgentOpen()).toEqual([
      expect.objectContaining({ number: handoff.number, alertedAt: null }),
    ]);
    await emptyRedis(one);
    await one.close();

    const two = await createTestApp(db.url, { jobs: true });
    const telegram = new RecordingChannel('telegram');
    two.router.add(telegram);
    try {
      await until(() => alertsTo(telegram, '9101').length > 0);
      expect(alertsTo(telegram, '9101')).toEqual([handoff.number]);
      await until(
        async () =>
          (await two.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).alertedAt !==
          null,
      );
      two.clock.advance(3 * minute);
      expect(await two.maintenance()).toMatchObject({ reraised: 0 });
      await two.sender.idle();
      expect(alertsTo(telegram, '9101')).toEqual([handoff.number]);
    } finally {
      await two.close();
    }
  });

  it('raises an alert that reached nobody again after two minutes, once, however many run maintenance', async () => {
    const one = await createTestApp(db.url);
    const two = await createTestApp(db.url);
    const telegram = new RecordingChannel('telegram');
    one.router.add(telegram);
    try {
      // Nobody is linked when the resident asks for a person: the alert has no recipient.
      await one.prisma.verbinder.updateMany({ data: { linkedAt: null } });
      await say(one, 'alert-2', ...consentNl, 'verbinder');
      const handoff = await one.prisma.handoff.findFirstOrThrow({
        where: { contact: { identities: { some: { externalId: 'alert-2' } } } },
      });
      expect(
        await one.prisma.outboxMessage.count({ where: { subject: `handoff:${handoff.id}` } }),
      ).toBe(0);
      await linkCoordinator(one, '9102');

      one.clock.advance(1 * minute);
      expect(await one.maintenance()).toMatchObject({ reraised: 0 });

      one.clock.advance(2 * minute);
      const at = one.clock.now();
      const [a, b] = await Promise.all([
        reraiseAlerts(one.store, one.alerts, at, silentLogger),
        reraiseAlerts(two.store, two.alerts, at, silentLogger),
      ]);
      expect(a.reraised + b.reraised).toBe(1);
      await one.sender.kick([...a.chats, ...b.chats]);
      await until(() => alertsTo(telegram, '9102').length > 0);
      expect(alertsTo(telegram, '9102')).toEqual([handoff.number]);

      one.clock.advance(3 * minute);
      expect(await one.maintenance()).toMatchObject({ reraised: 0 });
      await one.sender.idle();
      expect(alertsTo(telegram, '9102')).toEqual([handoff.number]);
      expect(
        (await one.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).alertedAt,
      ).not.toBeNull();
    } finally {
      await one.close();
      await two.close();
    }
  });
});
