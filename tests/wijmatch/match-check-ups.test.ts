import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueScheduled } from '../../src/schedule/send-due-scheduled.js';
import { judgeMatch, recordMatch } from '../../src/wijmatch/record-match.js';
import { runBloei } from '../cli/support/run-bloei.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, silentLogger, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const day = 24 * 3600_000;

describe('check-ups of a WIJ match', () => {
  let db: TestDatabase;
  let app: TestApp;
  let verbinderId: string;
  let people = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    verbinderId = (
      await app.prisma.verbinder.create({ data: { name: 'Wilma', wijkId: 'stratum' } })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** A consented resident on the simulator with an open sign-up in Stratum. */
  async function resident() {
    const userId = `match-${++people}`;
    await say(app, userId, 'hallo', '1', 'ja', 'nee');
    const identity = await app.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'simulator', externalId: userId } },
    });
    const signUp = await app.prisma.signUp.create({
      data: {
        contactId: identity.contactId,
        runId: `run-${userId}`,
        kind: 'offer',
        category: 'company',
        description: 'Samen wandelen',
        wijk: 'stratum',
      },
    });
    return { userId, contactId: identity.contactId, signUpId: signUp.id };
  }

  const match = async (at: string, checkUps?: readonly string[]) => {
    const [a, b] = [await resident(), await resident()];
    const id = await recordMatch(app.store, {
      kind: 'inwoner-inwoner',
      signUpIds: [a.signUpId, b.signUpId],
      ontwikkelplaats: null,
      wijken: null,
      recordedById: verbinderId,
      at: new Date(at),
      ...(checkUps ? { checkUps } : {}),
    });
    return { id, a, b };
  };

  const listed = async (contactId: string) =>
    (await runBloei(['schedule', 'list'], { prisma: app.prisma })).stdout
      .split('\n')
      .filter((line) => line.endsWith(contactId))
      .map((line) => line.slice(0, line.indexOf(' simulator')));

  it('asks both sides at one week, one month and three months, across DST', async () => {
    // Friday 20 March 2026, CET; summer time starts on 29 March.
    const { a, b } = await match('2026-03-20T14:00:00Z');
    for (const side of [a, b]) {
      expect(await listed(side.contactId)).toEqual([
        '2026-03-27 10:00 matchCheckUp',
        '2026-04-20 10:00 matchCheckUp',
        '2026-06-20 10:00 matchLastCheckUp',
      ]);
    }
  });

  it('counts months from 29 February, and lands on it in a leap year', async () => {
    const leap = await match('2028-02-29T09:00:00Z');
    expect(await listed(leap.a.contactId)).toEqual([
      '2028-03-07 10:00 matchCheckUp',
      '2028-03-29 10:00 matchCheckUp',
      // 29 May 2028 is a Monday.
      '2028-05-29 10:00 matchLastCheckUp',
    ]);
    const toLeapDay = await match('2027-11-29T09:00:00Z', ['P3M']);
    expect(await listed(toLeapDay.a.contactId)).toEqual(['2028-02-29 10:00 matchLastCheckUp']);
  });

  it('cancels what is pending when the match ends', async () => {
    const { id, a, b } = await match('2026-05-04T09:00:00Z');
    await judgeMatch(app.store, id, true, new Date('2026-05-10T09:00:00Z'));
    expect(await listed(a.contactId)).toEqual([]);
    expect(await listed(b.contactId)).toEqual([]);
    expect(
      await app.prisma.scheduledMessage.count({
        where: { subject: { startsWith: `match:${id}` } },
      }),
    ).toBe(6);
  });

  it('hands "geen klik" to the verbinder, and the last check-up says whether it lasted', async () => {
    const { id, a, b } = await match(app.clock.now().toISOString(), ['P7D', 'P14D']);
    app.clock.advance(7 * day);
    expect(await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger)).toBe(2);
    await say(app, a.userId, 'ja', 'geen klik');
    const handoffs = await app.prisma.handoff.findMany({ where: { contactId: a.contactId } });
    expect(handoffs.map((h) => h.reason)).toEqual(['match_no_click']);
    expect((await app.prisma.match.findUniqueOrThrow({ where: { id } })).lasting).toBeNull();

    app.clock.advance(7 * day);
    expect(await sendDueScheduled(app.store, app.handler, app.clock.now(), silentLogger)).toBe(2);
    await say(app, b.userId, 'ja', 'goed', 'ja');
    expect(await app.prisma.match.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lasting: true,
      lastingBy: 'checkUp',
    });
    // The other side's "no" outweighs; a verbinder's word outweighs both.
    await say(app, a.userId, 'nee, de ander kwam niet');
    expect(await app.prisma.match.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lasting: false,
    });
    await judgeMatch(app.store, id, true, app.clock.now());
    expect(await app.prisma.match.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lasting: true,
      lastingBy: 'verbinder',
    });
  });

  it('sends nothing more to a resident who said STOP', async () => {
    const { a } = await match(app.clock.now().toISOString());
    await say(app, a.userId, 'stop');
    expect(await listed(a.contactId)).toEqual([]);
    expect(
      await app.prisma.scheduledMessage.count({
        where: { contactId: a.contactId, state: 'cancelled' },
      }),
    ).toBe(3);
  });
});
