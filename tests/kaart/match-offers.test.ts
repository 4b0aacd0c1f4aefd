import { describe, expect, it } from 'vitest';
import { talentenscan } from '../../src/flows/definitions/talentenscan.js';
import { matchOffers, preferredTraining, type KaartMatch } from '../../src/kaart/match-offers.js';
import { timeNeeds, type Offer } from '../../src/kaart/offer.js';
import type { ResidentProfile } from '../../src/kaart/score-offer.js';
import { makeOffer, seededNeighbours } from './make-offer.js';

const options = { today: '2026-12-07', neighbours: seededNeighbours };

const resident = (profile: Partial<ResidentProfile> = {}): ResidentProfile => ({
  interests: ['cooking'],
  time: null,
  mobility: 'street',
  dutchComfort: 4,
  language: 'nl',
  wijk: 'stratum',
  ...profile,
});

const names = (match: KaartMatch) => match.offers.map((s) => s.offer.name);

const kookcafe = makeOffer({ name: 'Kookcafé', wijk: 'stratum', interests: ['cooking'] });
const soepbar = makeOffer({ name: 'Soepbar', wijk: 'stratum', interests: ['cooking', 'care'] });
const tuin = makeOffer({ name: 'Buurttuin', wijk: 'stratum', interests: ['garden'] });
const kookclubCentrum = makeOffer({ name: 'Kookclub', wijk: 'centrum', interests: ['cooking'] });
const keukenNoord = makeOffer({
  name: 'Keuken Noord',
  wijk: 'woensel-noord',
  interests: ['cooking'],
});
const onlineKoken = makeOffer({ name: 'Online koken', wijk: 'all', interests: ['cooking'] });

describe(matchOffers.name, () => {
  it('uses the talentenscan’s own answer ids for time and mobility', () => {
    const times = talentenscan.steps.time.choices.map((c) => c.id);
    expect(times).toEqual(expect.arrayContaining([...timeNeeds]));
    const mobility = talentenscan.steps.mobility.choices.map((c) => c.id);
    expect(mobility).toEqual(['street', 'wijk', 'city', 'home']);
  });

  it('gives nothing for an empty kaart, so the scan falls back to the generic directions', () => {
    expect(matchOffers(resident(), [], options)).toEqual({ offers: [], training: null });
  });

  describe('interests', () => {
    it('suggests only offers that fit an interest, the best fit first', () => {
      const match = matchOffers(
        resident({ interests: ['cooking', 'care'] }),
        [kookcafe, tuin, soepbar],
        options,
      );
      expect(names(match)).toEqual(['Soepbar', 'Kookcafé']);
      expect(match.offers[0]!.reasons.interests).toEqual(['cooking', 'care']);
    });

    it('returns at most three offers', () => {
      const many = ['A', 'B', 'C', 'D', 'E'].map((name) =>
        makeOffer({ name, wijk: 'stratum', interests: ['cooking'] }),
      );
      expect(names(matchOffers(resident(), many, options))).toEqual(['A', 'B', 'C']);
    });

    it('shows what the wijk has when the resident named no interest in particular', () => {
      const match = matchOffers(
        resident({ interests: ['other'] }),
        [tuin, kookclubCentrum],
        options,
      );
      expect(names(match)).toEqual(['Buurttuin']);
    });

    it('never suggests an inactive offer', () => {
      const closed = makeOffer({ ...kookcafe, active: false });
      expect(names(matchOffers(resident(), [closed], options))).toEqual([]);
    });
  });

  describe('wijk', () => {
    it('keeps to the own wijk when it has enough, even when the city has more', () => {
      const match = matchOffers(
        resident(),
        [kookclubCentrum, onlineKoken, kookcafe, soepbar],
        options,
      );
      expect(names(match)).toEqual(['Kookcafé', 'Soepbar']);
      expect(match.offers.every((s) => s.reach === 'wijk')).toBe(true);
    });

    it('adds city-wide offers when the wijk has too little, never another wijk', () => {
      const match = matchOffers(
        resident(),
        [kookclubCentrum, keukenNoord, onlineKoken, kookcafe],
        options,
      );
      expect(names(match)).toEqual(['Kookcafé', 'Online koken']);
      expect(match.offers.map((s) => s.reach)).toEqual(['wijk', 'cityWide']);
    });

    it('finds nothing in another wijk for a resident who stays close', () => {
      expect(names(matchOffers(resident(), [kookclubCentrum, keukenNoord], options))).toEqual([]);
    });

    it('offers only city-wide offers to a resident who does not know their wijk', () => {
      const match = matchOffers(
        resident({ wijk: 'unknown' }),
        [kookcafe, kookclubCentrum, onlineKoken],
        options,
      );
      expect(names(match)).toEqual(['Online koken']);
    });
  });

  describe('mobility', () => {
    it('reaches a neighbouring wijk by bike or bus, before city-wide offers', () => {
      const match = matchOffers(
        resident({ mobility: 'wijk' }),
        [keukenNoord, onlineKoken, kookclubCentrum, kookcafe],
        options,
      );
      expect(names(match)).toEqual(['Kookcafé', 'Kookclub']);
      expect(match.offers.map((s) => s.reach)).toEqual(['wijk', 'neighbour']);
    });

    it('does not reach a wijk that does not border the own wijk', () => {
      const match = matchOffers(resident({ mobility: 'wijk' }), [keukenNoord], options);
      expect(names(match)).toEqual([]);
    });

    it('reaches any wijk for a resident who goes anywhere, nearest first', () => {
      const match = matchOffers(
        resident({ mobility: 'city' }),
        [keukenNoord, kookclubCentrum],
        options,
      );
      expect(match.offers.map((s) => [s.offer.name, s.reach])).toEqual([
        ['Kookclub', 'neighbour'],
        ['Keuken Noord', 'city'],
      ]);
    });

    it('puts what can be done from home first for a resident who prefers home', () => {
      const bellen = makeOffer({
        name: 'Belcirkel',
        wijk: 'all',
        interests: ['cooking'],
        fromHome: true,
      });
      const match = matchOffers(
        resident({ mobility: 'home' }),
        [kookcafe, soepbar, bellen],
        options,
      );
      expect(names(match)).toEqual(['Belcirkel', 'Kookcafé', 'Soepbar']);
      expect(match.offers[0]!.reasons.fromHome).toBe(true);
    });
  });

  describe('language', () => {
    const arabic = makeOffer({
      name: 'Zeta kookgroep',
      wijk: 'stratum',
      interests: ['cooking'],
      languages: ['nl', 'ar'],
    });
    const dutch = makeOffer({ name: 'Alfa kookgroep', wijk: 'stratum', interests: ['cooking'] });

    it('ranks a place where the resident’s language is spoken higher when Dutch is hard', () => {
      const match = matchOffers(resident({ language: 'ar', dutchComfort: 1 }), [dutch, arabic], {
        ...options,
      });
      expect(names(match)).toEqual(['Zeta kookgroep', 'Alfa kookgroep']);
      expect(match.offers[0]!.reasons.languageSpoken).toBe(true);
    });

    it('lets interests weigh more than language', () => {
      const both = makeOffer({ name: 'Alfa', wijk: 'stratum', interests: ['cooking', 'care'] });
      const match = matchOffers(
        resident({ language: 'ar', dutchComfort: 1, interests: ['cooking', 'care'] }),
        [arabic, both],
        options,
      );
      expect(names(match)).toEqual(['Alfa', 'Zeta kookgroep']);
    });

    it('changes nothing for a resident who speaks Dutch', () => {
      const match = matchOffers(resident({ dutchComfort: 1 }), [arabic, dutch], options);
      expect(names(match)).toEqual(['Alfa kookgroep', 'Zeta kookgroep']);
    });
  });

  describe('time', () => {
    it('ranks an offer that asks more time than the resident has lower', () => {
      const long = makeOffer({
        name: 'Alfa',
        wijk: 'stratum',
        interests: ['cooking'],
        timeNeeded: 'dayPart',
      });
      const short = makeOffer({
        name: 'Zeta',
        wijk: 'stratum',
        interests: ['cooking'],
        timeNeeded: 'hour',
      });
      const match = matchOffers(resident({ time: 'hour' }), [long, short], options);
      expect(names(match)).toEqual(['Zeta', 'Alfa']);
      expect(match.offers[0]!.reasons.timeFits).toBe(true);
    });
  });

  describe('accessibility', () => {
    const steps = makeOffer({
      name: 'Alfa',
      wijk: 'stratum',
      interests: ['cooking'],
      wheelchair: false,
      busStop: true,
    });
    const unknown = makeOffer({ name: 'Beta', wijk: 'stratum', interests: ['cooking'] });
    const flat = makeOffer({
      name: 'Zeta',
      wijk: 'stratum',
      interests: ['cooking'],
      wheelchair: true,
    });

    it('never sends a wheelchair user to a place known to be inaccessible', () => {
      const match = matchOffers(
        resident({ needs: { wheelchair: true } }),
        [steps, unknown, flat],
        options,
      );
      expect(names(match)).toEqual(['Zeta', 'Beta']);
      expect(match.offers[0]!.reasons.wheelchair).toBe(true);
    });

    it('ranks a place near a bus stop higher for a resident who needs one', () => {
      const match = matchOffers(
        resident({ needs: { busStop: true } }),
        [unknown, flat, steps],
        options,
      );
      expect(names(match)[0]).toBe('Alfa');
    });
  });

  describe('training', () => {
    const ktb = makeOffer({
      name: 'Kom tot Bloei!',
      wijk: 'all',
      kind: 'training',
      training: 'ktb',
      nextStart: '2027-03-04',
    });
    const dww = makeOffer({
      name: 'De Wijk Werkt!',
      wijk: 'all',
      kind: 'training',
      training: 'dww',
      nextStart: '2027-03-16',
    });
    const dwwEnglish = makeOffer({
      name: 'De Wijk Werkt! in English',
      wijk: 'all',
      kind: 'training',
      training: 'dww',
      nextStart: '2027-04-12',
      languages: ['en', 'nl'],
    });
    const kaart = [kookcafe, ktb, dww, dwwEnglish];

    it('adds one training next to the offers, never in their place', () => {
      const match = matchOffers(
        resident({ interests: ['cooking', 'care', 'garden'] }),
        kaart,
        options,
      );
      expect(names(match)).toEqual(['Kookcafé']);
      expect(match.training?.offer.name).toBe('Kom tot Bloei!');
    });

    it('suggests De Wijk Werkt! to someone who wants work or has a day part a week', () => {
      expect(matchOffers(resident({ goals: ['work'] }), kaart, options).training?.offer.name).toBe(
        'De Wijk Werkt!',
      );
      expect(matchOffers(resident({ time: 'dayPart' }), kaart, options).training?.offer.name).toBe(
        'De Wijk Werkt!',
      );
      expect(preferredTraining(resident({ goals: ['discoverTalents'], time: 'dayPart' }))).toBe(
        'ktb',
      );
    });

    it('prefers the training in the resident’s own language', () => {
      const match = matchOffers(resident({ language: 'en', goals: ['work'] }), kaart, options);
      expect(match.training?.offer.name).toBe('De Wijk Werkt! in English');
    });

    it('leaves out a training whose start has passed, and takes the other one', () => {
      const started = makeOffer({ ...ktb, nextStart: '2026-11-01' });
      const match = matchOffers(resident(), [started, dww], options);
      expect(match.training?.offer.name).toBe('De Wijk Werkt!');
      expect(matchOffers(resident(), [started], options).training).toBeNull();
    });

    it('does not suggest a training held in a wijk out of reach', () => {
      const elsewhere = makeOffer({ ...ktb, wijk: 'woensel-noord' });
      expect(matchOffers(resident(), [elsewhere], options).training).toBeNull();
    });
  });

  it('gives the same answer whatever order the kaart is in', () => {
    const kaart: Offer[] = [
      kookcafe,
      soepbar,
      tuin,
      kookclubCentrum,
      keukenNoord,
      onlineKoken,
      ...['Alfa', 'Beta', 'Gamma'].map((name) =>
        makeOffer({
          name,
          wijk: 'stratum',
          interests: ['cooking', 'garden'],
          languages: ['nl', 'tr'],
        }),
      ),
    ];
    const profile = resident({
      interests: ['cooking', 'garden'],
      language: 'tr',
      dutchComfort: 2,
      mobility: 'city',
    });
    const expected = matchOffers(profile, kaart, options);
    let seed = 7;
    for (let round = 0; round < 25; round += 1) {
      const shuffled = [...kaart].sort(() => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return (seed % 3) - 1;
      });
      expect(matchOffers(profile, shuffled, options)).toEqual(expected);
    }
  });
});
