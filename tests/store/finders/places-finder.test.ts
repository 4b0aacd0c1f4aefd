import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOntwikkelplaatsen } from '../../../src/store/finders/places-finder.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe(findOntwikkelplaatsen.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.offer.deleteMany();
    const offer = (name: string, wijk: string, kind = 'ontwikkelplaats', active = true) => ({
      name,
      wijk,
      kind,
      active,
      interests: [],
      description: 'Samen aan de slag.',
      schedule: 'elke dinsdag',
      location: 'Wijkcentrum',
      contact: 'verbinder@example.org',
      languages: ['nl'],
      checkedAt: new Date('2026-11-01T00:00:00Z'),
    });
    await db.prisma.offer.createMany({
      data: [
        offer('Buurttuin De Kempen', 'stratum'),
        offer('Repair Café', 'all'),
        offer('Wijkkeuken Gestel', 'gestel'),
        offer('Taalcafé', 'stratum', 'activity'),
        offer('Oude moestuin', 'stratum', 'ontwikkelplaats', false),
      ],
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('finds the active ontwikkelplaatsen of the wijk and of the whole city', async () => {
    const names = (await findOntwikkelplaatsen(db.prisma, 'stratum')).map((p) => [p.name, p.wijk]);
    expect(names).toEqual([
      ['Buurttuin De Kempen', 'stratum'],
      ['Repair Café', 'all'],
    ]);
  });

  it('finds every wijk’s when the board shows every wijk', async () => {
    expect((await findOntwikkelplaatsen(db.prisma, null)).map((p) => p.name)).toEqual([
      'Buurttuin De Kempen',
      'Repair Café',
      'Wijkkeuken Gestel',
    ]);
  });
});
