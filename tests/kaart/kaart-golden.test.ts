/**
 * Golden endings of the talentenscan on the example kaart, in Dutch, English and Arabic: the
 * places offered, the choice of one, the card and the hand-off text, word for word.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBloei } from '../cli/support/run-bloei.js';
import { linkCoordinator, playGolden, readGolden } from '../support/golden.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { examplePath } from './stratum-cook.js';

const dir = join(import.meta.dirname, 'golden');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('golden scan endings on the example kaart', () => {
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

  it('has the endings in nl, en and ar', () => {
    expect(files).toEqual(['scan-ending.ar.txt', 'scan-ending.en.txt', 'scan-ending.nl.txt']);
  });

  it.each(files)('%s', async (file) => {
    const path = join(dir, file);
    const transcript = await playGolden(readGolden(path), app.handler, `kaart-${file}`, app.clock);
    await expect(transcript).toMatchFileSnapshot(path);
  });
});
