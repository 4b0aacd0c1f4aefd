import { describe, expect, it } from 'vitest';
import { suggestPlaces } from '../../src/wijmatch/suggest-places.js';

const places = [
  { offerId: 'o-city', name: 'Repair Café', wijk: 'all' },
  { offerId: 'o-tuin', name: 'Buurttuin De Kempen', wijk: 'stratum' },
  { offerId: 'o-keuken', name: 'Aanschuiftafel', wijk: 'stratum' },
  { offerId: 'o-gestel', name: 'Wijkkeuken Gestel', wijk: 'gestel' },
];

describe(suggestPlaces.name, () => {
  it('puts places in the resident’s own wijk first, then those open to the whole city', () => {
    const found = suggestPlaces([{ id: 's-1', wijk: 'stratum' }], places);
    expect(found.get('s-1')?.map((p) => p.name)).toEqual([
      'Aanschuiftafel',
      'Buurttuin De Kempen',
      'Repair Café',
    ]);
    expect(found.get('s-1')?.[0]).toEqual({ offerId: 'o-keuken', name: 'Aanschuiftafel' });
  });

  it('never offers another wijk’s place; without a wijk only city-wide ones', () => {
    const found = suggestPlaces(
      [
        { id: 'gestel', wijk: 'gestel' },
        { id: 'unknown', wijk: null },
      ],
      places,
    );
    expect(found.get('gestel')?.map((p) => p.offerId)).toEqual(['o-gestel', 'o-city']);
    expect(found.get('unknown')?.map((p) => p.offerId)).toEqual(['o-city']);
  });

  it('shows at most a few, and leaves out a sign-up with nothing near', () => {
    const found = suggestPlaces(
      [
        { id: 's-1', wijk: 'stratum' },
        { id: 's-2', wijk: 'centrum' },
      ],
      places.filter((p) => p.wijk !== 'all'),
      1,
    );
    expect(found.get('s-1')).toHaveLength(1);
    expect(found.has('s-2')).toBe(false);
  });
});
