import { describe, expect, it } from 'vitest';
import { localizeOffer } from '../../src/kaart/localize-offer.js';
import { makeOffer } from './make-offer.js';

const kookcafe = makeOffer({
  name: 'Kookcafé',
  wijk: 'stratum',
  description: 'Samen koken en eten.',
  schedule: 'dinsdag 16.00',
  location: 'Voorbeeldstraat 12',
  volunteerTask: 'Mee koken.',
  translations: { en: { description: 'Cooking and eating together.', schedule: 'Tuesday 4 pm' } },
});

describe(localizeOffer.name, () => {
  it('gives the translation where there is one and says which texts stay Dutch', () => {
    const offer = localizeOffer(kookcafe, 'en');
    expect(offer).toMatchObject({
      name: 'Kookcafé',
      description: 'Cooking and eating together.',
      schedule: 'Tuesday 4 pm',
      location: 'Voorbeeldstraat 12',
      volunteerTask: 'Mee koken.',
      untranslated: ['location', 'volunteerTask'],
    });
  });

  it('gives Dutch, all of it untranslated, in a language without a translation', () => {
    const offer = localizeOffer(kookcafe, 'ar');
    expect(offer.description).toBe('Samen koken en eten.');
    expect(offer.untranslated).toEqual(['description', 'schedule', 'location', 'volunteerTask']);
  });

  it('has nothing to frame in Dutch', () => {
    expect(localizeOffer(kookcafe, 'nl').untranslated).toEqual([]);
  });
});
