import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { consentNl, messageTo, say, sentTo } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const hours = (n: number) => n * 3_600_000;

describe('a resident’s message the verbinder leaves unanswered', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    const now = app.clock.now();
    for (const [user, input] of [
      ['wilma', { name: 'Wilma', wijk: 'stratum' }],
      ['bram', { name: 'Bram', wijk: 'stratum' }],
      ['cora', { name: 'Cora', role: 'coordinator' }],
    ] as const) {
      const { code } = await addVerbinder(app.store, input, now);
      await say(app, user, code);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('reminds the verbinder after 8 hours, tells the wijkteam after 24, once each, and not once answered', async () => {
    const samira = (line: string) =>
      app.handler.handle({ ...lineToInbound(line, 'samira'), displayName: 'Samira' });
    for (const line of consentNl) await samira(line);
    await app.prisma.contact.updateMany({ data: { wijk: 'stratum' } });
    await samira('ik wil iemand spreken');
    const handoff = await app.prisma.handoff.findFirstOrThrow({ include: { owner: true } });
    const n = handoff.number;
    const claimer = handoff.owner!.name === 'Wilma' ? 'wilma' : 'bram';
    const colleague = claimer === 'wilma' ? 'bram' : 'wilma';
    await say(app, claimer, `pak ${n}`);
    await samira('Hallo, ben je er nog?');
    await messageTo(app, claimer, (m) => m.text.includes('Hallo, ben je er nog?'));
    const count = (user: string) => app.channel.sent.filter((m) => m.userId === user).length;
    const before = {
      [claimer]: count(claimer),
      [colleague]: count(colleague),
      cora: count('cora'),
    };

    app.clock.advance(hours(7));
    expect(await app.maintenance()).toMatchObject({ relayReminders: 0 });

    app.clock.advance(hours(1.5));
    expect(await app.maintenance()).toMatchObject({ relayReminders: 1 });
    const reminder = (await sentTo(app, claimer, before[claimer]! + 1)).at(-1);
    expect(reminder?.text).toMatch(
      new RegExp(`^Herinnering: Samira \\(#${n}\\) wacht al 8 uur op je antwoord\\.`),
    );
    expect(reminder?.choices ?? []).toEqual([]);
    expect(await app.maintenance()).toMatchObject({ relayReminders: 0 });
    expect(count(colleague)).toBe(before[colleague]);

    app.clock.advance(hours(16));
    expect(await app.maintenance()).toMatchObject({ relayReminders: 1 });
    for (const user of [colleague, 'cora']) {
      const told = (await sentTo(app, user, before[user]! + 1)).at(-1);
      expect(told?.text).toMatch(
        new RegExp(`^Samira \\(#${n}, Stratum\\) wacht al 24 uur op een antwoord`),
      );
    }
    expect(await app.maintenance()).toMatchObject({ relayReminders: 0 });

    // An answer starts over; a new message waits again, but an answer given in time stops it.
    await say(app, claimer, `antwoord ${n} Sorry, ik bel je vanmiddag.`);
    await samira('Goed, tot straks');
    app.clock.advance(hours(7));
    await say(app, claimer, `antwoord ${n} Ik bel om drie uur.`);
    app.clock.advance(hours(2));
    expect(await app.maintenance()).toMatchObject({ relayReminders: 0 });

    await samira('Ik heb gemist dat je belde');
    app.clock.advance(hours(9));
    expect(await app.maintenance()).toMatchObject({ relayReminders: 1 });
  });
});
