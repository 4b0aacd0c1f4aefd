import { newOfferFields, type Offer } from '../../src/kaart/offer.js';
import { neighboursFrom } from '../../src/kaart/wijk-reach.js';

/** An active offer for pure tests; the id is derived from name and wijk. */
export function makeOffer(fields: Partial<Offer> & { name: string; wijk: string }): Offer {
  return {
    ...newOfferFields(new Date('2026-11-01T09:00:00Z')),
    description: `Over ${fields.name}`,
    schedule: 'dinsdag 10.00–12.00',
    location: 'Voorbeeldstraat 1',
    contact: 'info@example.org',
    languages: ['nl'],
    id: `${fields.wijk}/${fields.name}`,
    nudgedAt: null,
    translations: {},
    ...fields,
  };
}

/** The borders the migration seeds, for tests without a database. */
export const seededNeighbours = neighboursFrom([
  { wijkId: 'centrum', neighbourId: 'stratum' },
  { wijkId: 'centrum', neighbourId: 'gestel' },
  { wijkId: 'centrum', neighbourId: 'strijp-meerhoven' },
  { wijkId: 'centrum', neighbourId: 'tongelre' },
  { wijkId: 'centrum', neighbourId: 'woensel-zuidwest' },
  { wijkId: 'stratum', neighbourId: 'gestel' },
  { wijkId: 'stratum', neighbourId: 'tongelre' },
  { wijkId: 'gestel', neighbourId: 'strijp-meerhoven' },
  { wijkId: 'strijp-meerhoven', neighbourId: 'woensel-zuidwest' },
  { wijkId: 'woensel-zuidwest', neighbourId: 'woensel-noord' },
]);
