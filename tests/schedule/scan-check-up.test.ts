import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { say, sentTo } from '../support/conversation-driver.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { runBloei } from '../cli/support/run-bloei.js';

/** A talentenscan in Dutch up to the question about a check-up (clock: Monday 2 March 2026). */
const untilCheckUp = [
  'hallo',
  '1',
  'ja',
  'nee',
  '1',
  'Van koken',
  'Ik was kok',
  '1, 2',
  'Koken voor de buren',
  'Nederlands leren',
  '2',
  '2',
  '3',
  '1',
  'ja',
  'nee',
];

const day = 24 * 3600_000;

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

  const contactOf = async (userId: string) =>
    (
      await app.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'simulator', externalId: userId } },
        include: { contact: { include: { scheduled: true, handoffs: true } } },
      })
    ).contact;

  it('lists what is pending in Amsterdam time, filtered by day and kind', async () => {
    await say(app, 'scan-2', ...untilCheckUp, 'over een maand');
    const contact = await contactOf('scan-2');
    const run = (...args: string[]) =>
      runBloei(['schedule', 'list', ...args], { prisma: app.prisma });
    // 2 March + 1 month: 2 April, 10:00 in Amsterdam, in summer time by then.
    const line = `2026-04-02 10:00 scanCheckUp simulator ${contact.id}`;
    expect((await run()).stdout).toBe(`${line}\n`);
    expect((await run('--from', '2026-04-02', '--to', '2026-04-02')).stdout).toBe(`${line}\n`);
    expect((await run('--from', '2026-04-03')).stdout).toBe('');
    expect((await run('--to', '2026-04-01')).stdout).toBe('');
    expect((await run('--kind', 'matchCheckUp')).stdout).toBe('');
    expect(await run('--from', '16-04-2026')).toMatchObject({
      code: 1,
      stderr: 'not a date (YYYY-MM-DD): 16-04-2026\n',
    });
  });

  it('sends the check-up the resident chose when it is due, once, and hands off on "help"', async () => {
    const asked = await say(app, 'scan-1', ...untilCheckUp);
    expect(asked.at(-1)?.text).toMatch(/^Zal ik je over twee weken een berichtje sturen\?/);
    const answered = await say(app, 'scan-1', 'ja');
    expect(answered.map((m) => m.text)).toEqual(['Afgesproken! Dan stuur ik je een berichtje.']);
    const [scheduled] = (await contactOf('scan-1')).scheduled;
    expect(scheduled).toMatchObject({
      kind: 'scanCheckUp',
      state: 'pending',
      dueAt: new Date('2026-03-16T09:00:00Z'),
    });

    // A day early: nothing goes out.
    app.clock.advance(13 * day);
    expect(await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger)).toBe(0);

    app.clock.advance(day);
    const before = app.channel.sent.filter((m) => m.userId === 'scan-1').length;
    const [first, again] = await Promise.all([
      sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger),
      sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger),
    ]);
    expect(first + again).toBe(1);
    // The opening line and the first question, through the outbox.
    const sent = await sentTo(app, 'scan-1', before + 2);
    expect(sent.at(-2)?.text).toMatch(/^Hoi! Een tijdje geleden deed je de talentenscan/);
    expect(sent.at(-1)?.text).toBe('Heb je al iets gedaan met een van de ideeën?');
    expect((await contactOf('scan-1')).scheduled).toMatchObject([{ state: 'sent' }]);
    const list = await runBloei(['schedule', 'list'], { prisma: app.prisma });
    expect(list.stdout).not.toContain((await contactOf('scan-1')).id);

    const asksHelp = await say(app, 'scan-1', 'ja', 'Ik kook nu elke week bij het buurthuis.');
    expect(asksHelp.at(-1)?.text).toMatch(/^Wil je dat een verbinder je helpt/);
    await say(app, 'scan-1', 'ja');
    expect((await contactOf('scan-1')).handoffs.map((h) => h.reason)).toContain(
      'scan_checkup_help',
    );
  });

  it('cancels what is pending on STOP, and erases it with "forget me"', async () => {
    await say(app, 'scan-3', ...untilCheckUp, '2');
    await say(app, 'scan-4', ...untilCheckUp, '2');
    const stopped = await contactOf('scan-3');
    expect(stopped.scheduled).toMatchObject([{ state: 'pending' }]);
    await say(app, 'scan-3', 'stop');
    expect((await contactOf('scan-3')).scheduled).toMatchObject([{ state: 'cancelled' }]);

    const forgotten = await contactOf('scan-4');
    await say(app, 'scan-4', 'vergeet mij', 'ja');
    expect(await app.prisma.scheduledMessage.count({ where: { contactId: forgotten.id } })).toBe(0);

    const toStopped = () => app.channel.sent.filter((m) => m.userId === 'scan-3').length;
    const before = toStopped();
    app.clock.advance(40 * day);
    await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger);
    await app.sender.idle();
    expect(toStopped()).toBe(before);
    expect((await contactOf('scan-3')).scheduled).toMatchObject([{ state: 'cancelled' }]);
  });
});
