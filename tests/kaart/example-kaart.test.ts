/**
 * The example kaart on a first run: `npm start` on the embedded database hands the example
 * file to the app, which puts it on an empty kaart only, never next to a real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { readExampleKaart } from '../../src/cli/example-kaart.js';
import { silentLogger } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testIdSecret } from '../support/test-id-secret.js';

describe('the example kaart on a first run', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const start = async (example: string | null) =>
    createApp(
      {
        databaseUrl: db.url,
        dataDir: '/nonexistent',
        defaultLanguage: 'nl',
        idSecret: testIdSecret,
      },
      silentLogger,
      { flood: false, kaart: { example } },
    );

  it('fills an empty kaart once; a kaart with offers is left as it is', async () => {
    const example = await readExampleKaart();
    expect(example).toMatch(/^name,wijk,interests,description,when,where,contact,languages/);
    const first = await start(example);
    try {
      expect(first.kaart.catalogue.size).toBe(26);
      const residentKaart = first.kaart.catalogue.forResident('stratum');
      const names = residentKaart
        .nearby({ wijk: 'stratum', language: 'nl' }, 'cooking', new Date('2026-12-07T10:00:00Z'))
        .map((card) => card.name);
      expect(names).toContain('Kookcafé De Pollepel (voorbeeld)');
      await first.prisma.offer.updateMany({ data: { active: false } });
      await first.prisma.offer.deleteMany({ where: { wijk: { not: 'stratum' } } });
    } finally {
      await first.close();
    }
    const again = await start(example);
    try {
      expect(await again.prisma.offer.count({ where: { wijk: { not: 'stratum' } } })).toBe(0);
      expect(await again.prisma.offer.count({ where: { active: true } })).toBe(0);
    } finally {
      await again.close();
    }
  });
});
