import { describe, expect, it } from 'vitest';
import { newOfferFields, type Offer } from '../../../../src/kaart/offer.js';
import type { OfferChoiceTotal } from '../../../../src/store/offer-repository.js';
import {
  KaartFigures,
  kaartFigures,
} from '../../../../src/web/screens/indicators/kaart-figures.js';
import { render, scriptName, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-07T10:00:00Z');
const recently = new Date('2026-11-01T10:00:00Z');
const longAgo = new Date('2026-03-01T10:00:00Z');

let ids = 0;
const offer = (over: Partial<Offer>): Offer => ({
  ...newOfferFields(recently),
  id: `offer-${++ids}`,
  name: `Aanbod ${ids}`,
  wijk: 'stratum',
  interests: ['cooking'],
  translations: {},
  nudgedAt: null,
  ...over,
});

const offers = [
  offer({ kind: 'ontwikkelplaats' }),
  offer({ kind: 'ontwikkelplaats', checkedAt: longAgo }),
  offer({ kind: 'activity', checkedAt: longAgo }),
  offer({ kind: 'ontwikkelplaats', active: false, checkedAt: longAgo }),
  offer({ wijk: 'all', kind: 'training', training: 'ktb', nextStart: '2026-10-01' }),
];
const choice = (
  name: string,
  action: OfferChoiceTotal['action'],
  count: number,
): OfferChoiceTotal => ({
  offerId: name,
  name,
  wijk: 'stratum',
  action,
  count,
});
const choices = [
  choice('Kookclub', 'details', 2),
  choice('Moestuin', 'go', 1),
  choice('Kookclub', 'go', 3),
  choice('Moestuin', 'match', 2),
];

describe(kaartFigures.name, () => {
  it('counts shown offers, ontwikkelplaatsen and those to check per wijk, hidden ones not', () => {
    expect(kaartFigures(offers, [], now).perWijk).toEqual([
      { wijk: 'all', active: 1, ontwikkelplaatsen: 0, stale: 1 },
      { wijk: 'stratum', active: 3, ontwikkelplaatsen: 2, stale: 2 },
    ]);
  });

  it('adds up how often each offer was chosen and matched with, most first', () => {
    expect(kaartFigures([], choices, now).chosen).toEqual([
      { name: 'Kookclub', wijk: 'stratum', go: 3, details: 2, matches: 0 },
      { name: 'Moestuin', wijk: 'stratum', go: 1, details: 0, matches: 2 },
    ]);
  });
});

describe(KaartFigures.name, () => {
  const wijken = new Map([['stratum', 'Stratum']]);

  it('shows the figures with wijken and offers in words', async () => {
    const shown = await render(
      KaartFigures({
        ctx: await viewContext(),
        figures: kaartFigures(offers, choices, now),
        wijken,
      }),
    );
    const rows = (id: string) =>
      shown
        .querySelectorAll(`#${id} tbody tr`)
        .map((row) => row.querySelectorAll('td').map((cell) => textOf(cell)));
    expect(rows('table-kaart-wijken')).toEqual([
      ['Hele stad', '1', '0', '1'],
      ['Stratum', '3', '2', '2'],
    ]);
    expect(shown.querySelectorAll('#table-kaart-wijken th').map((th) => textOf(th))).toEqual([
      'Wijk',
      'Zichtbaar aanbod',
      'Ontwikkelplaatsen',
      'Moet nagekeken worden',
    ]);
    expect(rows('table-kaart-chosen')).toEqual([
      ['Kookclub', 'Stratum', '3', '2', '0'],
      ['Moestuin', 'Stratum', '1', '0', '2'],
    ]);
  });

  it('says so when nobody chose an offer, and escapes offer names', async () => {
    const none = await render(
      KaartFigures({ ctx: await viewContext(), figures: kaartFigures(offers, [], now), wijken }),
    );
    expect(textOf(none.querySelector('p.notice'))).toBe(
      'In deze periode koos nog niemand aanbod van de kaart.',
    );
    const named = await render(
      KaartFigures({
        ctx: await viewContext(),
        figures: kaartFigures([], [choice(scriptName, 'go', 1)], now),
        wijken,
      }),
    );
    expect(named.querySelector('script')).toBeNull();
    expect(textOf(named.querySelector('#table-kaart-chosen tbody td'))).toBe(scriptName);
  });
});
