import { describe, expect, it } from 'vitest';
import { scorePair, suggestPairs, type PairCandidate } from '../../src/wijmatch/suggest-pairs.js';

let n = 0;
const signUp = (over: Partial<PairCandidate>): PairCandidate => ({
  id: `su-${++n}`,
  residentId: `r-${n}`,
  kind: 'offer',
  category: 'garden',
  wijk: 'stratum',
  availability: ['mornings'],
  mobility: 'wijk',
  createdAt: new Date(Date.UTC(2026, 10, 1, 0, n)),
  ...over,
});
const offer = (over: Partial<PairCandidate> = {}) => signUp({ kind: 'offer', ...over });
const request = (over: Partial<PairCandidate> = {}) => signUp({ kind: 'request', ...over });

describe(scorePair.name, () => {
  it('pairs an offer and a request of the same wijk and category who share a time', () => {
    expect(scorePair(offer(), request())).toEqual({
      score: 3 + 3 + 2,
      reasons: ['sameWijkAndCategory', 'sharedTimes', 'oneTravels'],
      sharedTimes: ['mornings'],
    });
  });

  it('never pairs another wijk, an unknown wijk, another category or the same resident', () => {
    expect(scorePair(offer(), request({ wijk: 'centrum' }))).toBeNull();
    expect(scorePair(offer({ wijk: null }), request({ wijk: null }))).toBeNull();
    expect(scorePair(offer(), request({ category: 'cooking' }))).toBeNull();
    const same = offer();
    expect(scorePair(same, request({ residentId: same.residentId }))).toBeNull();
  });

  it('needs an offer on one side and a request on the other; "both" may be either', () => {
    expect(scorePair(request(), request())).toBeNull();
    expect(scorePair(offer(), offer())).toBeNull();
    expect(scorePair(signUp({ kind: 'both' }), request())).not.toBeNull();
    expect(scorePair(offer(), signUp({ kind: 'both' }))).not.toBeNull();
  });

  it('needs a time in common, unless one of them does not mind or has not said', () => {
    expect(scorePair(offer(), request({ availability: ['evenings'] }))).toBeNull();
    expect(scorePair(offer(), request({ availability: ['evenings', 'flexible'] }))).toMatchObject({
      reasons: expect.arrayContaining(['anyTime']),
      sharedTimes: [],
    });
    expect(scorePair(offer({ availability: [] }), request())).toMatchObject({
      reasons: expect.arrayContaining(['timesUnknown']),
    });
    // "Flexible" on both sides is no named time in common.
    expect(
      scorePair(offer({ availability: ['flexible'] }), request({ availability: ['flexible'] }))
        ?.sharedTimes,
    ).toEqual([]);
  });

  it('needs one of them to go out: two who both want to stay home do not meet', () => {
    expect(scorePair(offer({ mobility: 'home' }), request({ mobility: 'home' }))).toBeNull();
    expect(scorePair(offer({ mobility: 'city' }), request({ mobility: 'home' }))).toMatchObject({
      reasons: expect.arrayContaining(['oneTravels']),
    });
    expect(scorePair(offer({ mobility: 'street' }), request({ mobility: 'home' }))).toMatchObject({
      reasons: expect.arrayContaining(['nearby']),
    });
    expect(scorePair(offer({ mobility: null }), request())).toMatchObject({
      reasons: expect.arrayContaining(['distanceUnknown']),
    });
  });

  it('ranks a shared time above "any time" above unknown times, and "other" lowest', () => {
    const score = (o: Partial<PairCandidate>, r: Partial<PairCandidate> = {}) =>
      scorePair(offer(o), request(r))!.score;
    expect(score({})).toBeGreaterThan(score({ availability: ['flexible'] }));
    expect(score({ availability: ['flexible'] })).toBeGreaterThan(score({ availability: [] }));
    expect(score({ category: 'other' }, { category: 'other' })).toBeLessThan(score({}));
  });
});

describe(suggestPairs.name, () => {
  it('puts the best pairs first and, among equals, the request that waits longest', () => {
    const oldRequest = request({ availability: ['evenings'] });
    const newRequest = request();
    const morning = offer();
    const evening = offer({ availability: ['evenings'] });
    const pairs = suggestPairs([newRequest, morning, evening, oldRequest]);
    expect(pairs.map((p) => [p.offer.id, p.request.id])).toEqual([
      [evening.id, oldRequest.id],
      [morning.id, newRequest.id],
    ]);
  });

  it('offers each request its few best offers, and never more pairs than asked', () => {
    const asking = request({ availability: ['flexible'] });
    const offers = Array.from({ length: 5 }, () => offer());
    expect(suggestPairs([asking, ...offers], { perRequest: 2 })).toHaveLength(2);
    const many = [
      ...Array.from({ length: 10 }, () => request()),
      ...Array.from({ length: 10 }, () => offer()),
    ];
    expect(suggestPairs(many, { max: 7 })).toHaveLength(7);
  });

  it('suggests two "both" sign-ups that fit each other once, not both ways round', () => {
    const a = signUp({ kind: 'both' });
    const b = signUp({ kind: 'both' });
    const pairs = suggestPairs([a, b]);
    expect(pairs).toHaveLength(1);
    expect(new Set([pairs[0]!.offer.id, pairs[0]!.request.id])).toEqual(new Set([a.id, b.id]));
  });

  it('suggests nothing from an empty board or one of only offers', () => {
    expect(suggestPairs([])).toEqual([]);
    expect(suggestPairs([offer(), offer()])).toEqual([]);
  });
});
