import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myDataMessage } from '../../src/conversations/my-data-message.js';
import { talentenscan } from '../../src/flows/definitions/talentenscan.js';
import { consentPurposes, handoffReasons } from '../../src/flows/spec.js';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A talentenscan in Dutch that ends with a wish for contact, from the menu. */
const scanWithContact = [
  '1',
  'Van muziek maken',
  'Koken voor veel mensen',
  '1, 2, 3',
  'Boodschappen doen',
  'Beter Nederlands leren',
  '2',
  '2',
  '3',
  '3',
  'ja',
  'ja',
];

/** Every id the talentenscan stores: step names, choice ids, and the yes/no answers. */
const scanIds = [
  ...Object.keys(talentenscan.steps),
  ...Object.values(talentenscan.steps).flatMap((step) =>
    'choices' in step ? step.choices.map((c) => c.id) : [],
  ),
  'yes',
  'no',
  'stratum',
  'talentenscan',
  ...consentPurposes,
  ...handoffReasons,
];
/** Ids that are also Dutch words (a wijk, the talentenscan), so finding them proves nothing. */
const dutchWords = new Set(['wijk', 'talentenscan']);

const wholeWord = (id: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${id}($|[^\\p{L}\\p{N}_])`, 'u');

describe(myDataMessage.name, () => {
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

  it('shows a resident after a talentenscan what is kept in words, without internal ids', async () => {
    await say(app, 'words-1', ...consentNl, ...scanWithContact);
    const [reply] = await say(app, 'words-1', 'mijn gegevens');
    const text = reply!.text;
    expect(text).toMatch(/^Wat Bloei van je bewaart:/);
    const found = scanIds.filter((id) => !dutchWords.has(id) && wholeWord(id).test(text));
    expect(found).toEqual([]);
    expect(text).not.toMatch(/\(v\d+,|#\d+ /);

    expect(text).toContain('• Wijk: Stratum');
    expect(text).toContain('• Chat: de testchat op de computer');
    expect(text).toMatch(
      /contact en matching door verbinders van WIJeindhoven: ja, sinds \d+ \w+ \d{4}/,
    );
    expect(text).toMatch(/\n {2}Talentenscan, op \d+ \w+ \d{4}:\n/);
    expect(text).toContain('Waar krijg je energie van? Je antwoord: Van muziek maken');
    expect(text).toContain(
      'Wat vind je leuk om te doen? Je antwoord: Koken of bakken, Tuinieren, Klussen',
    );
    expect(text).toContain('Hoeveel tijd heb je ervoor? Je antwoord: Een paar uur per week');
    expect(text).toContain('In welke wijk woon je? Je antwoord: Stratum');
    expect(text).toMatch(
      /Je wilde na de talentenscan contact met een verbinder \(op \d+ \w+ \d{4}\): nog niet opgepakt/,
    );
  });

  it('speaks the resident’s language: the same data in English', async () => {
    await say(app, 'words-2', 'hello', '2', 'yes', 'no', ...scanWithContact.slice(0, 4));
    const [reply] = await say(app, 'words-2', 'my data');
    expect(reply!.text).toMatch(/^What Bloei keeps about you:/);
    expect(reply!.text).toContain('contact and matching by verbinders of WIJeindhoven: yes, since');
    expect(reply!.text).toContain('Your answer: Cooking or baking, Gardening, Odd jobs');
  });
});

describe('the verbinder’s list of open hand-offs', () => {
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

  it('names the state, the wijk and the reason in words', async () => {
    const { code } = await addVerbinder(
      app.store,
      { name: 'Wilma', wijk: 'stratum' },
      app.clock.now(),
    );
    await say(app, 'wilma', code);
    await say(app, 'open-1', ...consentNl, ...scanWithContact);
    app.clock.advance(60_000);
    await say(app, 'open-2', ...consentNl, 'verbinder');
    const [first] = await app.prisma.handoff.findMany({ orderBy: { number: 'asc' } });
    await say(app, 'wilma', `pak ${first!.number}`);
    const [list] = await say(app, 'wilma', 'open');
    const lines = list!.text.split('\n');
    expect(lines[0]).toBe('Open hand-offs:');
    expect(lines.slice(1)).toEqual([
      `#${first!.number} opgepakt · Stratum · talentenscan klaar, wil contact`,
      `#${first!.number + 1} nog niet opgepakt · onbekend, graag doorzetten · wil graag contact met een verbinder`,
    ]);
  });
});
