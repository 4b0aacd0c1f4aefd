/**
 * Which open WIJ match sign-ups could go together: an offer and a request of two different
 * residents in the same wijk, about the same thing, who can meet at the same time and whose
 * distances fit (one of them travels). A verbinder still decides; this only puts the likely
 * pairs first. Pure: the board's finder gives the sign-ups, the board shows the pairs.
 */

/** What a sign-up says about fitting another. */
export interface PairCandidate {
  id: string;
  /** The resident, so nobody is paired with herself. */
  residentId: string;
  /** offer | request | both */
  kind: string;
  category: string;
  wijk: string | null;
  /** mornings, afternoons, evenings, weekend, flexible; empty: not said. */
  availability: readonly string[];
  /** street | wijk | city | home; null: not said. */
  mobility: string | null;
  createdAt: Date;
}

/** Why a pair fits, as the board says it. */
export type PairReason =
  | 'sameWijkAndCategory'
  | 'sharedTimes'
  | 'anyTime'
  | 'timesUnknown'
  | 'oneTravels'
  | 'nearby'
  | 'distanceUnknown';

export interface PairScore {
  score: number;
  reasons: PairReason[];
  /** The times both named (not "flexible"). */
  sharedTimes: string[];
}

export interface SuggestedPair<C extends PairCandidate = PairCandidate> extends PairScore {
  offer: C;
  request: C;
}

const flexible = 'flexible';
/** Distances that mean the resident goes out to meet someone, by how far. */
const reach: Record<string, number> = { street: 1, wijk: 2, city: 3 };

const offers = (c: PairCandidate) => c.kind === 'offer' || c.kind === 'both';
const asks = (c: PairCandidate) => c.kind === 'request' || c.kind === 'both';

/**
 * How well `offer` fits `request`, or null when they cannot go together: not an offer and a
 * request, the same resident, another wijk or an unknown one, another category, no time in
 * common, or both want to stay at home.
 */
export function scorePair(offer: PairCandidate, request: PairCandidate): PairScore | null {
  if (!offers(offer) || !asks(request) || offer.residentId === request.residentId) return null;
  if (!offer.wijk || offer.wijk !== request.wijk || offer.category !== request.category) {
    return null;
  }
  const reasons: PairReason[] = ['sameWijkAndCategory'];
  let score = offer.category === 'other' ? 1 : 3;

  const [a, b] = [offer.availability, request.availability];
  const sharedTimes = a.filter((t) => t !== flexible && b.includes(t));
  if (sharedTimes.length > 0) {
    score += 3;
    reasons.push('sharedTimes');
  } else if (a.includes(flexible) || b.includes(flexible)) {
    score += 2;
    reasons.push('anyTime');
  } else if (a.length === 0 || b.length === 0) {
    score += 1;
    reasons.push('timesUnknown');
  } else {
    return null;
  }

  const [far, near] = [reach[offer.mobility ?? ''] ?? 0, reach[request.mobility ?? ''] ?? 0];
  if (offer.mobility === null || request.mobility === null) {
    score += 1;
    reasons.push('distanceUnknown');
  } else if (far === 0 && near === 0) {
    return null;
  } else if (Math.max(far, near) >= reach['wijk']!) {
    score += 2;
    reasons.push('oneTravels');
  } else {
    score += 1;
    reasons.push('nearby');
  }
  return { score, reasons, sharedTimes };
}

export interface SuggestOptions {
  /** Offers suggested per request at most. */
  perRequest?: number;
  /** Pairs at most. */
  max?: number;
}

/**
 * The pairs worth a look, best first; among equals the request that waits longest first.
 * Each request gets its few best offers; a sign-up of kind "both" may be on either side.
 */
export function suggestPairs<C extends PairCandidate>(
  signUps: readonly C[],
  { perRequest = 3, max = 30 }: SuggestOptions = {},
): SuggestedPair<C>[] {
  const pairs: SuggestedPair<C>[] = [];
  for (const request of signUps.filter(asks)) {
    const fitting = signUps
      .filter((offer) => offer.id !== request.id)
      .flatMap((offer) => {
        const fit = scorePair(offer, request);
        return fit ? [{ offer, request, ...fit }] : [];
      })
      .sort(
        (x, y) => y.score - x.score || x.offer.createdAt.getTime() - y.offer.createdAt.getTime(),
      )
      .slice(0, perRequest);
    pairs.push(...fitting);
  }
  const once = new Map<string, SuggestedPair<C>>();
  for (const pair of pairs) {
    // Two "both" sign-ups fit each other both ways round: keep the better way once.
    const key = [pair.offer.id, pair.request.id].sort().join('\u0000');
    const known = once.get(key);
    if (!known || known.score < pair.score) once.set(key, pair);
  }
  return [...once.values()]
    .sort(
      (x, y) => y.score - x.score || x.request.createdAt.getTime() - y.request.createdAt.getTime(),
    )
    .slice(0, max);
}
