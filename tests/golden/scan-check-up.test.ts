/**
 * Golden conversations of the check-up after a talentenscan, which Bloei opens when its time
 * comes, with bad input in all six languages: each reprompt in the resident's language, back
 * on track to the end, the story kept and a "yes" to help handed to a verbinder.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../support/conversation-driver.js';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dir = join(import.meta.dirname, 'scan-check-up');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The place of each language in the onboarding's language question. */
const languageChoice: Record<string, string> = {
  nl: '1',
  en: '2',
  ar: '3',
  tr: '4',
  pl: '5',
  uk: '6',
};

/** What each transcript must leave: the check-up's answers, and a hand-off on "yes, help". */
const expected: Record<string, { answers: Record<string, string>; handoffs: string[] }> = {
  'scan-check-up-bad-input.ar.txt': {
    answers: { tried: 'no', help: 'yes' },
    handoffs: ['scan_checkup_help'],
  },
  'scan-check-up-bad-input.en.txt': {
    answers: { tried: 'yes', triedWhat: 'I joined the repair café twice, it was fun', help: 'no' },
    handoffs: [],
  },
  'scan-check-up-bad-input.nl.txt': {
    answers: { tried: 'yes', triedWhat: 'Ik kook nu elke week bij het buurthuis 🙂', help: 'yes' },
    handoffs: ['scan_checkup_help'],
  },
  'scan-check-up-bad-input.pl.txt': {
    answers: { tried: 'no', help: 'yes' },
    handoffs: ['scan_checkup_help'],
  },
  'scan-check-up-bad-input.tr.txt': {
    answers: { tried: 'yes', triedWhat: 'Komşularıma yemek yaptım, çok güzeldi', help: 'no' },
    handoffs: [],
  },
  'scan-check-up-bad-input.uk.txt': {
    answers: { tried: 'yes', triedWhat: 'Ходила до мовного кафе, було цікаво', help: 'no' },
    handoffs: [],
  },
};

describe('golden conversations of the scan check-up, with bad input', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    await linkCoordinator(app.prisma);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('has a transcript in every language', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', async (file) => {
    const script = readGolden(join(dir, file));
    const language = script.header.map((l) => /^# language: (\w+)/.exec(l)?.[1]).find(Boolean)!;
    const userId = `scan-check-up-${file}`;
    // Consent in the resident's language, not part of the transcript.
    await say(app, userId, 'hallo', languageChoice[language]!, '1', '2');
    const opening = await app.handler.startFlow('simulator', userId, 'scanCheckUp');
    const transcript = await playGolden(script, app.handler, userId, app.clock, {
      opening: opening ?? [],
    });
    await expect(transcript).toMatchFileSnapshot(join(dir, file));
    const contact = await app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { externalId: userId } } },
      include: { handoffs: true, answers: { orderBy: { answeredAt: 'asc' } } },
    });
    expect({
      answers: Object.fromEntries(
        contact.answers.filter((a) => a.flowId === 'scanCheckUp').map((a) => [a.name, a.value]),
      ),
      handoffs: contact.handoffs.map((h) => h.reason),
    }).toEqual(expected[file]);
  });
});
