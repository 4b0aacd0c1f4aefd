import { describe, expect, it } from 'vitest';
import { browseOffers, interestsNearby } from '../../src/kaart/browse-offers.js';
import { makeOffer, seededNeighbours } from './make-offer.js';

const options = { today: '2026-12-07', neighbours: seededNeighbours };
const kaart = [
  makeOffer({ name: 'Taalcafé', wijk: 'stratum', interests: ['language', 'organising'] }),
  makeOffer({ name: 'Buurttuin', wijk: 'stratum', interests: ['garden'] }),
  makeOffer({ name: 'Atelier', wijk: 'stratum', interests: ['creative'], active: false }),
  makeOffer({ name: 'Online taalmaatje', wijk: 'all', interests: ['language', 'digital'] }),
  makeOffer({ name: 'Kookclub', wijk: 'centrum', interests: ['cooking'] }),
];
const stratum = { wijk: 'stratum', language: 'nl' };

describe(interestsNearby.name, () => {
  it('lists only the interests with something nearby, in the talentenscan’s order', () => {
    expect(interestsNearby(kaart, stratum, options)).toEqual([
      { interest: 'garden', count: 1 },
      { interest: 'language', count: 2 },
      { interest: 'digital', count: 1 },
      { interest: 'organising', count: 1 },
    ]);
  });

  it('counts a neighbouring wijk for a resident who travels', () => {
    const nearby = interestsNearby(kaart, { ...stratum, mobility: 'wijk' }, options);
    expect(nearby).toContainEqual({ interest: 'cooking', count: 1 });
  });

  it('has nothing for an empty kaart', () => {
    expect(interestsNearby([], stratum, options)).toEqual([]);
  });
});

describe(browseOffers.name, () => {
  it('shows the offers for an interest, the own wijk before city-wide ones', () => {
    const found = browseOffers(kaart, stratum, 'language', options);
    expect(found.map((s) => [s.offer.name, s.reach])).toEqual([
      ['Taalcafé', 'wijk'],
      ['Online taalmaatje', 'cityWide'],
    ]);
  });

  it('shows every active offer in reach when no interest is chosen, by name', () => {
    const found = browseOffers(kaart, stratum, null, options);
    expect(found.map((s) => s.offer.name)).toEqual(['Buurttuin', 'Taalcafé', 'Online taalmaatje']);
  });

  it('never shows another wijk to a resident who stays close', () => {
    expect(browseOffers(kaart, stratum, 'cooking', options)).toEqual([]);
  });
});
