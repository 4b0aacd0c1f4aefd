/**
 * Golden conversations of "wat is er te doen in mijn wijk?" on the example kaart, with bad
 * input in all six languages: every reprompt in the resident's language, back on track to the
 * end, and only the places the resident chose kept.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBloei } from '../cli/support/run-bloei.js';
import { examplePath } from '../kaart/stratum-cook.js';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const dir = join(import.meta.dirname, 'nearby');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** What each transcript must leave: the wijk, the places chosen and how, the hand-offs. */
const expected: Record<string, { wijk: string; chosen: string[]; handoffs: string[] }> = {
  'nearby-bad-input.ar.txt': { wijk: 'stratum', chosen: [], handoffs: [] },
  'nearby-bad-input.en.txt': {
    wijk: 'unknown',
    chosen: ['go Online taalmaatje (voorbeeld)'],
    handoffs: ['offer_go'],
  },
  'nearby-bad-input.nl.txt': {
    wijk: 'stratum',
    chosen: ['details Online taalmaatje (voorbeeld)'],
    handoffs: ['wants_to_talk'],
  },
  'nearby-bad-input.pl.txt': {
    wijk: 'centrum',
    chosen: ['details Digicafé Centrum (voorbeeld)'],
    handoffs: [],
  },
  'nearby-bad-input.tr.txt': { wijk: 'gestel', chosen: [], handoffs: [] },
  'nearby-bad-input.uk.txt': {
    wijk: 'unknown',
    chosen: ['details Online taalmaatje (voorbeeld)'],
    handoffs: [],
  },
};

describe('golden conversations of browsing the kaart, with bad input', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    await linkCoordinator(app.prisma);
    const run = await runBloei(['kaart', 'import', examplePath], {
      prisma: app.prisma,
      now: app.clock.now,
    });
    expect(run.code, run.stderr).toBe(0);
    await app.kaart.catalogue.refresh();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('has a transcript in every language', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    const userId = `nearby-${file}`;
    const transcript = await playGolden(readGolden(path), app.handler, userId, app.clock);
    await expect(transcript).toMatchFileSnapshot(path);
    const contact = await app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { externalId: userId } } },
      include: { offerChoices: { include: { offer: true } }, handoffs: true, answers: true },
    });
    expect({
      wijk: contact.wijk,
      chosen: contact.offerChoices.map((c) => `${c.action} ${c.offer.name}`),
      handoffs: contact.handoffs.map((h) => h.reason),
    }).toEqual(expected[file]);
    // Browsing itself is not kept: no interest or place among the answers.
    expect(contact.answers.filter((a) => a.flowId === 'nearby').map((a) => a.name)).toEqual([
      'wijk',
    ]);
  });
});
