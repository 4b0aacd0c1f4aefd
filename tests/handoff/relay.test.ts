import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../src/bots/simulator/to-inbound.js';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { applyRetention } from '../../src/privacy/apply-retention.js';
import { consentNl, messageTo, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A resident whose phone gives their name, as Telegram and WhatsApp do. */
async function resident(app: TestApp, userId: string, name: string, ...lines: string[]) {
  let last: Awaited<ReturnType<TestApp['handler']['handle']>> = [];
  for (const line of lines) {
    last = await app.handler.handle({ ...lineToInbound(line, userId), displayName: name });
  }
  return last;
}

const texts = (app: TestApp, userId: string) =>
  app.channel.sent.filter((m) => m.userId === userId).map((m) => m.text);

/** Waits until every kept message of the hand-off went out (the sender records it). */
async function allSent(app: TestApp, handoffId: string) {
  for (let i = 0; i < 300; i++) {
    const waiting = await app.prisma.relayMessage.count({ where: { handoffId, outcome: null } });
    if (waiting === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('relayed messages never went out');
}

describe('relay between a resident and the verbinder who claimed their hand-off', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    const { code } = await addVerbinder(
      app.store,
      { name: 'Wilma de Vries', wijk: 'stratum' },
      app.clock.now(),
    );
    await say(app, 'wilma', code);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('carries text and voice notes both ways, saved replies in the resident language, until sluit', async () => {
    await resident(app, 'samira', 'Samira', ...consentNl, 'ik wil iemand spreken');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { contact: { firstName: 'Samira' } },
    });
    const n = handoff.number;

    // Before claiming, an answer is refused with what to do.
    const early = await say(app, 'wilma', `antwoord ${n} Hoi`);
    expect(early[0]?.text).toBe(
      `Pak #${n} eerst op met 'pak ${n}'. Daarna kun je Samira antwoorden.`,
    );
    await say(app, 'wilma', `pak ${n}`);

    const sent = await say(app, 'wilma', `antwoord ${n} Hoi Samira, wanneer kan ik je bellen?`);
    expect(sent[0]?.text).toBe(`Verstuurd aan Samira (#${n}).`);
    await messageTo(app, 'samira', (m) => m.text.startsWith('Wilma (verbinder)'));
    expect(texts(app, 'samira')).toContain(
      'Wilma (verbinder): Hoi Samira, wanneer kan ik je bellen?',
    );

    // The resident's next lines reach Wilma, not a questionnaire: Bloei says nothing.
    expect(await resident(app, 'samira', 'Samira', 'Morgen na 3 uur', 'menu')).toEqual([]);
    await messageTo(app, 'wilma', (m) => m.text === `#${n} Samira: menu`);
    expect(texts(app, 'wilma')).toContain(`#${n} Samira: Morgen na 3 uur`);
    expect(await resident(app, 'samira', 'Samira', '<media:voice>')).toEqual([]);
    await messageTo(app, 'wilma', (m) =>
      m.text.startsWith(`#${n} Samira stuurde een spraakbericht`),
    );

    // English command word and a saved reply, written out in the resident's language.
    await say(app, 'wilma', `reply ${n} /bel-morgen`);
    await messageTo(app, 'samira', (m) => m.text.includes('Ik bel je morgen tussen 10 en 12 uur'));
    const unknown = await say(app, 'wilma', `antwoord ${n} /onbekend`);
    expect(unknown[0]?.text).toMatch(/^Dat vaste antwoord ken ik niet\. .*\/bel-morgen/);

    // "My data" still works during the relay, and shows the conversation.
    const data = await resident(app, 'samira', 'Samira', 'mijn gegevens');
    expect(data[0]?.text).toContain('Bericht van jou aan je verbinder');
    expect(data[0]?.text).toContain('Morgen na 3 uur');
    await allSent(app, handoff.id);
    const kept = await app.prisma.relayMessage.findMany({
      where: { handoffId: handoff.id },
      orderBy: { seq: 'asc' },
    });
    expect(
      kept.map((m) => [m.direction, m.text ?? m.savedReply ?? m.mediaKind, m.outcome]),
    ).toEqual([
      ['out', 'Hoi Samira, wanneer kan ik je bellen?', 'sent'],
      ['in', 'Morgen na 3 uur', 'sent'],
      ['in', 'menu', 'sent'],
      ['in', 'voice', 'sent'],
      ['out', 'bel-morgen', 'sent'],
    ]);

    await say(app, 'wilma', `sluit ${n}`);
    await messageTo(app, 'samira', (m) =>
      m.text.startsWith('Je verbinder heeft je vraag afgerond'),
    );
    const back = await resident(app, 'samira', 'Samira', 'menu');
    expect(back.at(-1)?.text).toBe('Wat wil je doen?');
    const after = await say(app, 'wilma', `antwoord ${n} Nog iets?`);
    expect(after[0]?.text).toBe(`#${n} was al afgesloten.`);

    // Kept for a while after closing, then pruned.
    const later = new Date(app.clock.now().getTime() + 91 * 24 * 3_600_000);
    const report = await applyRetention(app.store, later, { contactMonths: 24, handoffMonths: 12 });
    expect(report.relayedPruned).toBe(5);
  });

  it('sends a saved reply in Arabic to an Arabic resident, and forgets the conversation with them', async () => {
    await resident(app, 'amal', 'Amal', 'مرحبا', '3', 'نعم', 'لا', 'أريد التحدث مع شخص');
    const handoff = await app.prisma.handoff.findFirstOrThrow({
      where: { contact: { firstName: 'Amal' } },
    });
    const n = handoff.number;
    await say(app, 'wilma', `pak ${n}`);
    await say(app, 'wilma', `antwoord ${n} /bel-morgen`);
    // Arabic text is marked right-to-left, and the names isolated within it.
    const saved = await messageTo(app, 'amal', (m) => m.text.includes('(verbinder)'));
    expect(saved.text).toMatch(/Wilma.*\(verbinder\): .*سأتصل بك غدًا بين الساعة 10 و12/);
    await resident(app, 'amal', 'Amal', 'شكرا');
    await messageTo(
      app,
      'wilma',
      (m) => m.text.startsWith(`#${n} Amal: `) && m.text.includes('شكرا'),
    );
    await allSent(app, handoff.id);
    expect(await app.prisma.relayMessage.count({ where: { handoffId: handoff.id } })).toBe(2);

    // "Forget me" keeps working during the relay, and erases what was relayed.
    await resident(app, 'amal', 'Amal', 'انسني');
    expect(await app.prisma.relayMessage.count({ where: { handoffId: handoff.id } })).toBe(2);
    await resident(app, 'amal', 'Amal', 'نعم');
    expect(await app.prisma.relayMessage.count({ where: { handoffId: handoff.id } })).toBe(0);
  });
});
