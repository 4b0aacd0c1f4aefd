import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import {
  consentNl,
  messageTo,
  say,
  sayOn,
  sentTo,
  tap,
  wijMatchStratum,
} from '../support/conversation-driver.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('hand-off to a verbinder (Postgres + Redis)', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { jobs: true });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('delivers a sign-up alert to the linked verbinder, who claims and closes it', async () => {
    const { code } = await addVerbinder(
      app.store,
      { name: 'Wilma', wijk: 'stratum' },
      app.clock.now(),
    );
    const linked = await say(app, 'wilma', code);
    expect(linked[0]?.text).toBe('Gelukt, Wilma! Je ontvangt hier voortaan hand-offs van Bloei.');

    await say(app, 'res-1', ...consentNl, ...wijMatchStratum);
    const [alert] = await sentTo(app, 'wilma', 2).then((m) => m.slice(1));
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { reason: 'wij_match_signup' },
    });
    expect(alert?.text).toContain(`Nieuwe hand-off #${handoff.number} (gewoon)`);
    expect(alert?.text).toContain('Wijk: Stratum');
    expect(alert?.text).toContain('Reden: aanmelding WIJ match');
    expect(alert?.text).toContain('• Omschrijving: Ik help graag in de tuin.');
    expect(alert?.choices.map((c) => c.id)).toEqual(['claim', 'close']);
    expect(handoff.ownerId).not.toBeNull();

    const claimed = await tap(app, 'wilma', 'claim', alert?.ref);
    expect(claimed.map((m) => [m.userId, m.text])).toEqual([
      [
        'wilma',
        `Je hebt #${handoff.number} opgepakt. (geen naam) krijgt bericht dat jij contact opneemt.`,
      ],
    ]);
    const told = (text: string) =>
      app.channel.sent.filter((m) => m.userId === 'res-1' && m.text.startsWith(text));
    expect(
      told('Goed nieuws: verbinder Wilma van WIJeindhoven neemt contact met je op.'),
    ).toHaveLength(1);

    // Claimed: what the resident writes goes to Wilma, not to a questionnaire.
    expect(await say(app, 'res-1', 'hoi')).toEqual([]);
    expect(await say(app, 'res-1', 'menu')).toEqual([]);
    const relayed = await messageTo(app, 'wilma', (m) => m.text.endsWith(': menu'));
    expect(relayed.text).toBe(`#${handoff.number} (geen naam): menu`);
    expect(app.channel.sent.filter((m) => m.userId === 'wilma').map((m) => m.text)).toContain(
      `#${handoff.number} (geen naam): hoi`,
    );

    const closed = await say(app, 'wilma', `sluit ${handoff.number}`);
    expect(closed.map((m) => m.userId)).toEqual(['wilma']);
    expect(told('Je verbinder heeft je vraag afgerond')).toHaveLength(1);

    const back = await say(app, 'res-1', 'hoi');
    expect(back.at(-1)?.text).toBe('Wat wil je doen?');
    expect(await app.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject(
      {
        status: 'closed',
        claimedById: expect.any(String),
        closedAt: expect.any(Date),
      },
    );
  });

  it('reminds the owner after 24 hours and alerts the whole wijkteam after 48, once each', async () => {
    const now = () => app.clock.now();
    const a = await addVerbinder(app.store, { name: 'Anna', wijk: 'gestel' }, now());
    const b = await addVerbinder(app.store, { name: 'Bram', wijk: 'gestel' }, now());
    const c = await addVerbinder(app.store, { name: 'Cora', role: 'coordinator' }, now());
    await say(app, 'anna', a.code);
    await say(app, 'bram', b.code);
    await say(app, 'cora', c.code);

    await say(app, 'res-2', ...consentNl);
    await app.prisma.contact.updateMany({
      where: { identities: { some: { externalId: 'res-2' } } },
      data: { wijk: 'gestel' },
    });
    await say(app, 'res-2', 'verbinder');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { contact: { identities: { some: { externalId: 'res-2' } } } },
      include: { owner: true },
    });
    const owner = handoff.owner!.name === 'Anna' ? 'anna' : 'bram';
    const other = owner === 'anna' ? 'bram' : 'anna';
    await sentTo(app, owner, 2);
    const count = (user: string) => app.channel.sent.filter((m) => m.userId === user).length;
    const before = { [owner]: count(owner), [other]: count(other), cora: count('cora') };

    app.clock.advance(23 * 3_600_000);
    expect(await app.maintenance()).toMatchObject({ escalations: 0 });

    app.clock.advance(90 * 60_000);
    expect(await app.maintenance()).toMatchObject({ escalations: 1 });
    const reminder = (await sentTo(app, owner, before[owner]! + 1)).at(-1);
    expect(reminder?.text).toMatch(
      new RegExp(`^Herinnering: hand-off #${handoff.number} is al 24 uur`),
    );
    expect(count(other)).toBe(before[other]);

    app.clock.advance(24 * 3_600_000);
    expect(await app.maintenance()).toMatchObject({ escalations: 1 });
    for (const user of [owner, other, 'cora']) {
      const last = (await sentTo(app, user, before[user]! + (user === owner ? 2 : 1))).at(-1);
      expect(last?.text).toMatch(new RegExp(`^Hand-off #${handoff.number} in Gestel is al 48 uur`));
    }
    expect(await app.maintenance()).toMatchObject({ escalations: 0 });
  });

  it('sends a safety signal at once as an urgent alert, and the resident can go on later', async () => {
    const { code } = await addVerbinder(
      app.store,
      { name: 'Dirk', role: 'coordinator' },
      app.clock.now(),
    );
    await say(app, 'dirk', code);
    await say(app, 'res-3', ...consentNl, '1', 'Van wandelen');
    const replies = await say(app, 'res-3', 'Ik wil niet meer leven');
    expect(replies[0]?.text).toMatch(/Bel 112[\s\S]*0800-0113[\s\S]*0800-2000/);
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: {
        reason: 'safety_signal',
        contact: { identities: { some: { externalId: 'res-3' } } },
      },
      include: { owner: true },
    });
    expect(handoff).toMatchObject({ urgency: 'urgent', status: 'open' });
    const owner = handoff.owner!.externalId!;
    const alert = await messageTo(app, owner, (m) => m.text.includes(`#${handoff.number} `));
    expect(alert.text).toContain('(DRINGEND)');
    expect(alert.text).toContain('Reden: signaal over veiligheid');
    const resumed = await say(app, 'res-3', 'verder');
    expect(resumed.at(-1)?.text).toMatch(/^Waar ben je goed in?/);
  });

  it("tells a Telegram resident through their chat's outbox, once", async () => {
    const telegram = new RecordingChannel('telegram');
    app.router.add(telegram);
    const goodNews = () =>
      telegram.sent.filter((m) => m.text.startsWith('Goed nieuws: verbinder Vera'));
    const { code } = await addVerbinder(
      app.store,
      { name: 'Vera', wijk: 'gestel' },
      app.clock.now(),
    );
    await say(app, 'vera', code);
    await sayOn(app, 'telegram', '5501', ...consentNl, 'verbinder');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { contact: { identities: { some: { externalId: '5501' } } } },
    });
    await say(app, 'vera', `pak ${handoff.number}`);
    expect(goodNews()).toHaveLength(1);
    expect(goodNews()[0]?.userId).toBe('5501');
    const notice = await app.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'resident-notice', chat: { address: '5501' } },
    });
    expect(notice).toMatchObject({ outcome: 'sent', body: null });
    // A second sweep finds nothing left for that chat.
    await app.sender.sweep();
    await app.sender.idle();
    expect(goodNews()).toHaveLength(1);
  });
});
