/**
 * A test resident (a member of staff chatting in the dashboard's web chat) and a resident do
 * the same: a talentenscan, a check-in and a WIJ match offer. Only the resident counts: in
 * the indicators, the talent search and the match board, and only the resident's sign-up
 * opens a hand-off; erasing the test resident leaves no anonymous counts and no record of an
 * erasure behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webchatChannel } from '../../../src/bots/webchat/webchat-channel.js';
import { computeIndicators } from '../../../src/monitoring/indicators.js';
import { findOpenSignUps } from '../../../src/store/finders/matches-finder.js';
import { realResident } from '../../../src/store/finders/real-residents.js';
import { findTalentProfiles } from '../../../src/store/finders/talents-finder.js';
import { sayOn, wijMatchStratum } from '../../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const onboarding = ['hallo', '1', 'ja', 'ja'];
const scan = [
  '1',
  'Van wandelen in de natuur en van koken voor vrienden.',
  'Ik was vroeger kok in een restaurant.',
  '1, 2 en 9',
  'Ik wil graag koken voor ouderen in de buurt.',
  'Ik wil beter Nederlands leren.',
  '2',
  '2',
  '3',
  'Stratum',
  'ja',
  'nee',
  // No check-up later.
  '4',
];
const checkIn = ['menu', '3', '4', '5', '4', '3', '2', '4', '5', 'Koffie.', 'Mijn buurman.', 'ja'];

describe('test residents never count as residents', () => {
  let db: TestDatabase;
  let app: TestApp;
  const period = { wijk: null, from: '2026-01', to: '2026-12' };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    // A verbinder in Stratum with her chat linked: who a hand-off there alerts.
    await app.prisma.verbinder.create({
      data: {
        name: 'Anna',
        wijkId: 'stratum',
        channel: 'simulator',
        externalId: 'anna-chat',
        linkedAt: new Date(),
      },
    });
    for (const [channel, userId] of [
      ['simulator', 'resident'],
      [webchatChannel, 'staff-1'],
    ] as const) {
      await app.router.channels.find((c) => c.channel === channel)?.start(async () => {});
      // The sign-up comes last: it asks a verbinder to call, which pauses new questionnaires.
      await sayOn(app, channel, userId, ...onboarding, ...scan, ...checkIn);
      await sayOn(app, channel, userId, 'menu', ...wijMatchStratum);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lets both get as far as a profile, a sign-up and a check-in', async () => {
    for (const channel of ['simulator', webchatChannel]) {
      const contact = await app.prisma.contact.findFirstOrThrow({
        where: { identities: { some: { channel } } },
        include: { talentProfiles: true, signUps: true, answers: { where: { flowId: 'checkIn' } } },
      });
      expect(contact.talentProfiles, channel).toHaveLength(1);
      expect(contact.signUps, channel).toHaveLength(1);
      expect(contact.answers.length, channel).toBeGreaterThan(0);
    }
    expect(await app.prisma.contact.count({ where: realResident })).toBe(1);
  });

  it('counts only the resident in the indicators', async () => {
    const { subgoals, counts } = await computeIndicators(app.store, period);
    const count = (metric: string) => counts.find((c) => c.metric === metric)?.count;
    expect(count('talentenscans')).toBe(1);
    expect(count('checkIns')).toBe(1);
    expect(count('signUps.offer')).toBe(1);
    expect(subgoals.find((r) => r.indicator === 'ontmoeting.kennen')).toMatchObject({
      n: 1,
      mean: 4,
    });
    const stratum = await computeIndicators(app.store, { ...period, wijk: 'stratum' });
    expect(stratum.counts.find((c) => c.metric === 'talentenscans')?.count).toBe(1);
  });

  it('finds only the resident in the talent search and on the match board', async () => {
    const profiles = await findTalentProfiles(app.prisma, {
      wijk: null,
      interest: null,
      words: '',
    });
    expect(profiles).toHaveLength(1);
    const signUps = await findOpenSignUps(app.prisma, null);
    expect(signUps).toHaveLength(1);
    const resident = await app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { channel: 'simulator' } } },
    });
    expect(signUps[0]!.id).toBe(
      (await app.prisma.signUp.findFirstOrThrow({ where: { contactId: resident.id } })).id,
    );
  });

  it('opens a hand-off for the resident only: no verbinder hears of a test resident', async () => {
    const handoffs = await app.prisma.handoff.findMany({
      include: { contact: { include: { identities: true } } },
    });
    expect(handoffs.map((h) => h.contact.identities.map((i) => i.channel))).toEqual([
      ['simulator'],
    ]);
    // The Stratum verbinder was alerted, about the resident alone.
    const alerts = await app.prisma.outboxMessage.findMany({ where: { kind: 'handoff-alert' } });
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.subject))).toEqual(new Set([`handoff:${handoffs[0]!.id}`]));
  });

  it('keeps no anonymous counts when the test resident starts over', async () => {
    await app.webchat.forget('staff-1');
    expect(await app.prisma.channelIdentity.count({ where: { channel: webchatChannel } })).toBe(0);
    expect(await app.prisma.anonymousTally.count()).toBe(0);
    expect(await app.prisma.erasure.count()).toBe(0);
    const { counts } = await computeIndicators(app.store, period);
    expect(counts.find((c) => c.metric === 'talentenscans')?.count).toBe(1);
  });

  it('still keeps the counts of a resident who is forgotten', async () => {
    await sayOn(app, 'simulator', 'resident', 'vergeet mij', 'ja');
    expect(await app.prisma.contact.count()).toBe(0);
    expect(await app.prisma.anonymousTally.count()).toBeGreaterThan(0);
    expect(await app.prisma.erasure.count()).toBe(1);
    const { counts } = await computeIndicators(app.store, period);
    expect(counts.find((c) => c.metric === 'talentenscans')?.count).toBe(1);
  });
});
