import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCohort } from '../../src/followups/import-cohort.js';
import { sayOn } from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createStore } from '../../src/store/store.js';

const header =
  'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start';
const day = 24 * 3_600_000;

describe('one-year follow-ups (Postgres + Redis, controllable clock)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let telegram: RecordingChannel;
  const to = (chat: string) => telegram.sent.filter((m) => m.userId === chat);
  const waitFor = async (chat: string, count: number) => {
    const deadline = Date.now() + 280_000; // only a hang guard
    while (to(chat).length < count) {
      if (Date.now() > deadline)
        throw new Error(`${chat}: ${to(chat).length} of ${count} messages`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return to(chat);
  };
  const followUpOf = (firstName: string) =>
    app.prisma.followUp.findFirstOrThrow({ where: { enrolment: { contact: { firstName } } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { jobs: true });
    telegram = new RecordingChannel('telegram');
    app.router.add(telegram);
    const csv = [
      header,
      'Anna,telegram,9001,nl,stratum,De Wijk Werkt!,DWW Stratum 2025,2024-12-02,2025-03-02,1',
      'Bert,telegram,9002,nl,stratum,De Wijk Werkt!,DWW Stratum 2025,2024-12-02,2025-03-02,2',
      'Cato,telegram,9003,nl,gestel,De Wijk Werkt!,DWW Stratum 2025,2024-12-02,2025-03-02,1',
    ].join('\n');
    const report = await importCohort(createStore(app.prisma), csv, {
      languages: ['nl', 'en'],
      now: app.clock.now(),
    });
    expect(report).toMatchObject({ ok: true, newEnrolments: 3 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('sends each due follow-up once, however often the scan runs', async () => {
    expect(await app.maintenance()).toMatchObject({ followUps: 3 });
    for (const chat of ['9001', '9002', '9003']) {
      const [intro, consent] = await waitFor(chat, 2);
      expect(intro?.text).toMatch(/^Hoi! Hier is Bloei/);
      expect(consent?.text).toMatch(/^Mogen we je antwoorden bewaren\?/);
    }
    expect(await app.maintenance()).toMatchObject({ followUps: 0 });
    const anna = await followUpOf('Anna');
    expect(await app.followUps.deliver(anna.id, 'initial')).toBe('not due');
    await new Promise((r) => setTimeout(r, 300));
    expect(telegram.sent).toHaveLength(6);
    expect(anna).toMatchObject({ status: 'sent', stage: 'reminder1', remindersSent: 0 });
  });

  it('stores the answers coded, comparable with the ladder step at the start', async () => {
    const answers = ['ja', '5', '1', '4', '5', 'Ik durf weer te solliciteren.', 'ja', 'nee'];
    const last = await sayOn(app, 'telegram', '9001', ...answers);
    expect(last.map((m) => m.text)).toEqual([
      'Dank je wel voor je antwoorden! Zo kunnen we de trainingen nog beter maken. Veel succes!',
    ]);
    const followUp = await followUpOf('Anna');
    expect(followUp).toMatchObject({
      status: 'answered',
      stage: 'done',
      ladderNow: 5,
      workFound: 'paid',
      confidence: 4,
      wijkTie: 5,
      ambassador: true,
      contactWish: false,
    });
    const enrolment = await app.prisma.enrolment.findUniqueOrThrow({
      where: { id: followUp.enrolmentId },
    });
    expect([enrolment.ladderStart, followUp.ladderNow]).toEqual([1, 5]);
    const consent = await app.prisma.consentRecord.findFirst({
      where: { contact: { firstName: 'Anna' } },
    });
    expect(consent).toMatchObject({ purpose: 'followUp', granted: true });
  });

  it('cancels everything pending when a trainee says STOP', async () => {
    await sayOn(app, 'telegram', '9002', 'stop');
    expect(await followUpOf('Bert')).toMatchObject({ status: 'cancelled', stage: 'done' });
  });

  it('reminds after 3 and 7 days, then asks a verbinder to call; never the answered or stopped', async () => {
    const sent = (chat: string) => to(chat).length;
    const before = { anna: sent('9001'), bert: sent('9002'), cato: sent('9003') };

    app.clock.advance(2 * day);
    expect(await app.maintenance()).toMatchObject({ followUps: 0 });

    app.clock.advance(1 * day + 3_600_000);
    expect(await app.maintenance()).toMatchObject({ followUps: 1 });
    const reminder = await waitFor('9003', before.cato + 1);
    expect(reminder[before.cato]?.text).toMatch(/^Herinnering: we horen graag/);

    app.clock.advance(4 * day);
    expect(await app.maintenance()).toMatchObject({ followUps: 1 });
    await waitFor('9003', before.cato + 4);
    // The stage moves on once its messages went out: wait for that, not only for the messages.
    await expect
      .poll(() => followUpOf('Cato'), { timeout: 300_000 })
      .toMatchObject({ remindersSent: 2, stage: 'unanswered' });

    app.clock.advance(7 * day);
    expect(await app.maintenance()).toMatchObject({ followUps: 1 });
    const deadline = Date.now() + 280_000; // only a hang guard
    while ((await followUpOf('Cato')).status !== 'unanswered') {
      if (Date.now() > deadline) throw new Error('follow-up not marked unanswered');
      await new Promise((r) => setTimeout(r, 50));
    }
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { reason: 'followup_unanswered' },
      include: { contact: true },
    });
    expect(handoff.contact.firstName).toBe('Cato');
    expect(await app.maintenance()).toMatchObject({ followUps: 0 });
    expect([sent('9001'), sent('9002')]).toEqual([before.anna, before.bert]);
  });
});
