import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { consentNl, say, sentTo } from '../support/conversation-driver.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const day = 24 * 3600_000;
const hour = 3600_000;

/** A consented resident with a check-up planned in two weeks (clock: Monday 2 March 2026). */
async function withCheckUp(app: TestApp, userId: string) {
  await say(app, userId, ...consentNl);
  const { contactId } = await app.prisma.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'simulator', externalId: userId } },
  });
  await app.store.scheduled.scheduleFor(contactId, {
    kind: 'scanCheckUp',
    subject: `run:${userId}`,
    // Monday 16 March 2026, 10:00 CET.
    dueAt: new Date('2026-03-16T09:00:00Z'),
  });
  return contactId;
}

describe('a resident’s preferred time', () => {
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

  const contact = (id: string) =>
    app.prisma.contact.findUnique({ where: { id }, include: { scheduled: true } });

  it('is asked in words, kept on the contact, and moves what is already planned', async () => {
    const contactId = await withCheckUp(app, 'evening-1');
    const asked = await say(app, 'evening-1', "alleen 's avonds");
    expect(asked.at(-1)?.text).toMatch(/^Wanneer krijg je het liefst een bericht van mij/);
    expect(asked.at(-1)?.choices?.map((c) => c.label)).toContain("'s Avonds (vanaf 17 uur)");
    const saved = await say(app, 'evening-1', "'s avonds");
    expect(saved[0]?.text).toMatch(/^Goed, dat onthoud ik\./);
    expect(await contact(contactId)).toMatchObject({
      preferredTime: 'evening',
      // The same Monday, 17:00 CET.
      scheduled: [{ dueAt: new Date('2026-03-16T16:00:00Z'), state: 'pending' }],
    });

    const mine = await say(app, 'evening-1', 'mijn gegevens');
    expect(mine.map((m) => m.text).join('\n')).toContain("• Berichten: 's Avonds (vanaf 17 uur)");
  });

  it('places what is scheduled later in that part of the day', async () => {
    const contactId = await withCheckUp(app, 'morning-1');
    await say(app, 'morning-1', 'wanneer berichten', '1');
    await app.store.scheduled.scheduleFor(contactId, {
      kind: 'matchCheckUp',
      subject: 'match:m1:P7D',
      // Tuesday 17 March 2026, 15:00 CET: after the morning, so Wednesday when it starts, 09:00.
      dueAt: new Date('2026-03-17T14:00:00Z'),
    });
    const planned = (await contact(contactId))!.scheduled.map((s) => s.dueAt.toISOString());
    expect(planned.sort()).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-18T08:00:00.000Z']);
  });

  it('holds a message that fell due after the hours until the next evening', async () => {
    const contactId = await withCheckUp(app, 'evening-2');
    await say(app, 'evening-2', 'wanneer berichten', '3');
    const toResident = () => app.channel.sent.filter((m) => m.userId === 'evening-2').length;
    const before = toResident();
    // The worker was down: it runs again on Monday 16 March at 20:30 CET, past the hours.
    app.clock.advance(new Date('2026-03-16T19:30:00Z').getTime() - app.clock.now().getTime());
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    expect(await contact(contactId)).toMatchObject({
      scheduled: [{ dueAt: new Date('2026-03-17T16:00:00Z'), state: 'pending' }],
    });
    expect(toResident()).toBe(before);

    app.clock.advance(20 * hour + 30 * 60_000);
    // Others' messages that waited for their own hours may go too; this one goes once.
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    const sent = await sentTo(app, 'evening-2', before + 1);
    expect(sent.at(-1)?.text).toBeTruthy();
    expect((await contact(contactId))!.scheduled).toMatchObject([{ state: 'sent' }]);
  });

  it('goes with the contact on "forget me"', async () => {
    app.clock.advance(day);
    const contactId = await withCheckUp(app, 'forget-1');
    await say(app, 'forget-1', 'wanneer berichten', '2');
    expect((await contact(contactId))?.preferredTime).toBe('afternoon');
    await say(app, 'forget-1', 'vergeet mij', 'ja');
    expect(await contact(contactId)).toBeNull();
    expect(await app.prisma.scheduledMessage.count({ where: { contactId } })).toBe(0);
  });
});
