/**
 * A worker that dies while sending a scheduled message: its claim is taken over after a
 * while, and the resident still gets the message exactly once, whether the worker died before
 * or after the flow started (the flow's once-key is recorded with the turn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { claimAbandonedAfterMs } from '../../src/store/scheduled-message-repository.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const minute = 60_000;

describe(sendDueScheduled.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A consented resident with a scan check-up due now; returns its id and the contact's. */
  const residentWithCheckUp = async (userId: string) => {
    await say(app, userId, ...consentNl);
    const { contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'simulator', externalId: userId } },
    });
    const subject = `test-${userId}`;
    await app.store.scheduled.schedule({
      kind: 'scanCheckUp',
      channel: 'simulator',
      contactId,
      subject,
      dueAt: app.clock.now(),
    });
    const row = await app.prisma.scheduledMessage.findFirstOrThrow({ where: { subject } });
    return row.id;
  };
  const sendDue = () => sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
  const sentTo = (userId: string) => app.channel.sent.filter((m) => m.userId === userId);
  const stateOf = async (id: string) =>
    (await app.prisma.scheduledMessage.findUniqueOrThrow({ where: { id } })).state;

  it('takes over a claim whose worker died before starting the flow, and sends it once', async () => {
    const id = await residentWithCheckUp('died-before');
    const before = sentTo('died-before').length;
    // A worker claims it and dies.
    expect(await app.store.scheduled.claim(id, app.clock.now())).toBe(true);

    expect(await sendDue()).toBe(0);
    app.clock.advance(claimAbandonedAfterMs - minute);
    expect(await sendDue()).toBe(0);
    expect(sentTo('died-before')).toHaveLength(before);

    app.clock.advance(2 * minute);
    expect(await sendDue()).toBe(1);
    expect(await stateOf(id)).toBe('sent');
    const opening = sentTo('died-before').slice(before);
    expect(opening.length).toBeGreaterThan(0);
    expect(opening.map((m) => m.text).join('\n')).toMatch(/ideeën/);
    expect(await sendDue()).toBe(0);
  });

  it('never starts the flow twice when the worker died after starting it', async () => {
    const id = await residentWithCheckUp('died-after');
    const before = sentTo('died-after').length;
    // A worker claims it, starts the flow, and dies before recording that it was sent.
    expect(await app.store.scheduled.claim(id, app.clock.now())).toBe(true);
    const started = await app.handler.startFlow('simulator', 'died-after', 'scanCheckUp', {
      once: `scheduled:${id}`,
    });
    expect(started?.length).toBeGreaterThan(0);
    const afterStart = sentTo('died-after').length;
    expect(afterStart).toBeGreaterThan(before);

    app.clock.advance(claimAbandonedAfterMs + minute);
    await sendDue();
    expect(await stateOf(id)).toBe('sent');
    expect(sentTo('died-after')).toHaveLength(afterStart);
  });

  it('writes a text sent with a once-key one time, however often it is asked', async () => {
    await say(app, 'notified', ...consentNl);
    const before = sentTo('notified').length;
    const once = { once: 'campaign-test:notified' };
    const [first, second] = await Promise.all([
      app.handler.notify('simulator', 'notified', 'Hoi! Doe je mee met de buurtlunch?', once),
      app.handler.notify('simulator', 'notified', 'Hoi! Doe je mee met de buurtlunch?', once),
    ]);
    expect([first?.length, second?.length].sort()).toEqual([0, 1]);
    expect(
      sentTo('notified')
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['Hoi! Doe je mee met de buurtlunch?']);
    // Without a key it is another message.
    await app.handler.notify('simulator', 'notified', 'Tot zaterdag!');
    expect(sentTo('notified').slice(before)).toHaveLength(2);
  });
});
