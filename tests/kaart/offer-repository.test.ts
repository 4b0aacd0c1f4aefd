import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExampleKaart } from '../../src/kaart/load-example-kaart.js';
import { localizeOffer } from '../../src/kaart/localize-offer.js';
import { matchOffers } from '../../src/kaart/match-offers.js';
import { eraseContact } from '../../src/store/erase-contact.js';
import { PrismaOfferRepository, recordOfferChoice } from '../../src/store/offer-repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { seededNeighbours } from './make-offer.js';

const example = readFileSync(
  join(import.meta.dirname, '../../examples/sociale-kaart-voorbeeld.csv'),
  'utf8',
);
const at = new Date('2026-12-07T09:00:00Z');

describe(PrismaOfferRepository.name, () => {
  let db: TestDatabase;
  let repository: PrismaOfferRepository;
  beforeAll(async () => {
    db = await createTestDatabase();
    repository = new PrismaOfferRepository(db.prisma);
    const report = await loadExampleKaart(repository, example, at);
    expect(report?.created).toBe(26);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const offerId = async (name: string) =>
    (await db.prisma.offer.findFirstOrThrow({ where: { name } })).id;

  it('loads the example kaart only into an empty kaart', async () => {
    const header = 'name,wijk,interests,description,when,where,contact,languages';
    const other = `${header}\nEcht,stratum,garden,Echt,,,,nl\n`;
    expect(await loadExampleKaart(repository, other, at)).toBeNull();
    expect(await db.prisma.offer.count()).toBe(26);
  });

  it('reads the borders between wijken the migration seeds, both ways round', async () => {
    expect(await repository.neighbours()).toEqual(seededNeighbours);
  });

  it('gives a Stratum resident who likes cooking the Stratum cooking places and no other wijk', async () => {
    const match = matchOffers(
      {
        interests: ['cooking'],
        time: 'fewHours',
        mobility: 'street',
        dutchComfort: 2,
        language: 'ar',
        wijk: 'stratum',
      },
      await repository.listOffers(),
      { today: '2026-12-07', neighbours: await repository.neighbours() },
    );
    expect(match.offers.map((s) => [s.offer.name, s.offer.wijk])).toEqual([
      ['Kookcafé De Pollepel (voorbeeld)', 'stratum'],
      ['Soepbar Het Fornuis (voorbeeld)', 'stratum'],
    ]);
    expect(match.training?.offer.name).toBe('Kom tot Bloei! (voorbeeld)');
    const card = localizeOffer(match.offers[0]!.offer, 'ar');
    expect(card.schedule).toBe('الثلاثاء من 16:00 إلى 20:00');
    expect(card.untranslated).toEqual(['location', 'volunteerTask']);
  });

  it('counts active ontwikkelplaatsen per wijk', async () => {
    const before = await repository.activeOntwikkelplaatsenPerWijk();
    expect(before.find((g) => g.wijk === 'stratum')).toEqual({ wijk: 'stratum', count: 3 });
    expect(await repository.setActive(await offerId('Klusgroep Stratum (voorbeeld)'), false)).toBe(
      true,
    );
    const after = await repository.activeOntwikkelplaatsenPerWijk();
    expect(after.find((g) => g.wijk === 'stratum')).toEqual({ wijk: 'stratum', count: 2 });
    expect(after.some((g) => g.wijk === 'all')).toBe(false);
  });

  it('keeps which offers residents chose after the resident is forgotten', async () => {
    const kookcafe = await offerId('Kookcafé De Pollepel (voorbeeld)');
    const taalcafe = await offerId('Taalcafé De Lantaarn (voorbeeld)');
    const amal = await db.prisma.contact.create({ data: { language: 'ar', wijk: 'stratum' } });
    const kees = await db.prisma.contact.create({ data: { language: 'nl', wijk: 'centrum' } });
    await db.prisma.$transaction(async (tx) => {
      await recordOfferChoice(tx, {
        contactId: amal.id,
        offerId: kookcafe,
        action: 'go',
        wijk: 'stratum',
        at,
      });
      await recordOfferChoice(tx, {
        contactId: kees.id,
        offerId: kookcafe,
        action: 'go',
        wijk: 'centrum',
        at,
      });
      await recordOfferChoice(tx, {
        contactId: kees.id,
        offerId: taalcafe,
        action: 'details',
        wijk: 'centrum',
        at,
      });
    });
    expect(await db.prisma.offerChoice.count({ where: { contactId: amal.id } })).toBe(1);

    await db.prisma.$transaction((tx) => eraseContact(tx, amal.id, at));
    expect(await db.prisma.offerChoice.count({ where: { contactId: amal.id } })).toBe(0);

    const totals = await repository.offerChoiceTotals({ from: '2026-12', to: '2026-12' });
    expect(totals.map((t) => [t.name, t.action, t.count])).toEqual([
      ['Kookcafé De Pollepel (voorbeeld)', 'go', 2],
      ['Taalcafé De Lantaarn (voorbeeld)', 'details', 1],
    ]);
    const stratumResidents = await repository.offerChoiceTotals({
      from: '2026-01',
      to: '2026-12',
      wijken: ['stratum'],
    });
    expect(stratumResidents.map((t) => t.count)).toEqual([1]);
    expect(await repository.offerChoiceTotals({ from: '2027-01', to: '2027-12' })).toEqual([]);
  });

  it('counts the WIJ matches recorded with each offer in the months asked, per wijk', async () => {
    const pollepel = await offerId('Kookcafé De Pollepel (voorbeeld)');
    const match = (recordedAt: string, wijk: string) =>
      db.prisma.match.create({
        data: {
          kind: 'inwoner-ontwikkelplaats',
          offerId: pollepel,
          wijk,
          recordedAt: new Date(recordedAt),
        },
      });
    await match('2026-11-30T23:30:00Z', 'stratum');
    await match('2026-12-01T00:00:00Z', 'stratum');
    await match('2026-12-31T23:59:00Z', 'centrum');
    await db.prisma.match.create({
      data: { kind: 'inwoner-inwoner', wijk: 'stratum', recordedAt: at },
    });
    const december = await repository.offerMatchTotals({ from: '2026-12', to: '2026-12' });
    expect(december.map((t) => [t.name, t.action, t.count])).toEqual([
      ['Kookcafé De Pollepel (voorbeeld)', 'match', 2],
    ]);
    const stratum = await repository.offerMatchTotals({
      from: '2026-11',
      to: '2026-12',
      wijken: ['stratum'],
    });
    expect(stratum.map((t) => t.count)).toEqual([2]);
  });
});
