/**
 * "Wat is er te doen in mijn wijk?": the kaart by interest, for a resident who wants to look
 * around rather than do a scan. First the interests that have something nearby (so a menu
 * never offers an empty choice), then every offer for the chosen interest, nearest first.
 */
import { interestIds, isCurrent, type Offer } from './offer.js';
import {
  byReachAndName,
  isAccessible,
  scoreOffer,
  type OfferSuggestion,
  type ResidentProfile,
} from './score-offer.js';
import { reachOf, type WijkNeighbours } from './wijk-reach.js';

export interface BrowseQuery {
  /** The resident's wijk id, or null when unknown. */
  wijk: string | null;
  /** Their mobility answer when they gave one; without it, their own wijk and city-wide. */
  mobility?: string | null;
  /** The resident's chat language. */
  language: string;
  needs?: ResidentProfile['needs'];
}

export interface BrowseOptions {
  today: string;
  neighbours: WijkNeighbours;
}

/** The interests with at least one offer in reach, in the talentenscan's order, with counts. */
export function interestsNearby(
  catalogue: readonly Offer[],
  query: BrowseQuery,
  options: BrowseOptions,
): { interest: string; count: number }[] {
  const nearby = inReach(catalogue, query, null, options);
  return interestIds
    .map((interest) => ({
      interest,
      count: nearby.filter((s) => s.offer.interests.includes(interest)).length,
    }))
    .filter((entry) => entry.count > 0);
}

/** The offers in reach that fit `interest` (every offer in reach when null), nearest first. */
export function browseOffers(
  catalogue: readonly Offer[],
  query: BrowseQuery,
  interest: string | null,
  options: BrowseOptions,
): OfferSuggestion[] {
  return inReach(catalogue, query, interest, options).sort(byReachAndName);
}

function inReach(
  catalogue: readonly Offer[],
  query: BrowseQuery,
  interest: string | null,
  options: BrowseOptions,
): OfferSuggestion[] {
  const profile: ResidentProfile = {
    interests: interest ? [interest] : [],
    time: null,
    mobility: query.mobility ?? null,
    dutchComfort: null,
    language: query.language,
    wijk: query.wijk,
    ...(query.needs ? { needs: query.needs } : {}),
  };
  const found: OfferSuggestion[] = [];
  for (const offer of catalogue) {
    if (!isCurrent(offer, options.today) || !isAccessible(offer, profile)) continue;
    if (interest !== null && !offer.interests.includes(interest)) continue;
    const reach = reachOf(offer.wijk, profile, options.neighbours);
    if (reach) found.push(scoreOffer(offer, profile, reach));
  }
  return found;
}
