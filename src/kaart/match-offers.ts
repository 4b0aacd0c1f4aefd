/**
 * The concrete end of a talentenscan: two or three offers that fit the resident's interests,
 * nearest first — their own wijk, then (for someone who travels) a neighbouring wijk, then
 * offers for the whole city, then any wijk for someone who goes anywhere — and one training,
 * Kom tot Bloei! or De Wijk Werkt!, where one is on the kaart. Pure and deterministic: the
 * same profile and kaart give the same answer. An empty result means the kaart has nothing
 * fitting; the caller then falls back to the generic directions.
 */
import { isCurrent, type Offer, type OfferTraining } from './offer.js';
import {
  byScore,
  isAccessible,
  matchableInterests,
  scoreOffer,
  type OfferSuggestion,
  type ResidentProfile,
} from './score-offer.js';
import { reachOf, reaches, type WijkNeighbours } from './wijk-reach.js';

export interface MatchOptions {
  /** Today in Eindhoven, `YYYY-MM-DD`: trainings that already started are left out. */
  today: string;
  neighbours: WijkNeighbours;
  /** Most offers to return (3). */
  max?: number;
  /** Look further away until there are this many (2). */
  min?: number;
}

export interface KaartMatch {
  offers: OfferSuggestion[];
  training: OfferSuggestion | null;
}

export function matchOffers(
  profile: ResidentProfile,
  catalogue: readonly Offer[],
  options: MatchOptions,
): KaartMatch {
  const max = options.max ?? 3;
  const min = Math.min(options.min ?? 2, max);
  const usable = reachable(profile, catalogue, options);
  const wanted = matchableInterests(profile.interests);
  const candidates = usable.filter(
    (s) => s.offer.kind !== 'training' && (wanted.length === 0 || s.reasons.interests.length > 0),
  );
  // Someone who would rather help from home sees what can be done from home first.
  const passes =
    profile.mobility === 'home'
      ? [candidates.filter((s) => s.offer.fromHome), candidates]
      : [candidates];
  const picked: OfferSuggestion[] = [];
  for (const pass of passes) {
    for (const reach of reaches) {
      if (picked.length >= min) break;
      const tier = pass
        .filter((s) => s.reach === reach && !picked.some((p) => p.offer.id === s.offer.id))
        .sort(byScore);
      picked.push(...tier.slice(0, max - picked.length));
    }
  }
  return { offers: picked, training: pickTraining(profile, usable) };
}

/** Every current offer the resident can get to and get into, scored. */
function reachable(
  profile: ResidentProfile,
  catalogue: readonly Offer[],
  options: MatchOptions,
): OfferSuggestion[] {
  const suggestions: OfferSuggestion[] = [];
  for (const offer of catalogue) {
    if (!isCurrent(offer, options.today) || !isAccessible(offer, profile)) continue;
    const reach = reachOf(offer.wijk, profile, options.neighbours);
    if (reach) suggestions.push(scoreOffer(offer, profile, reach));
  }
  return suggestions;
}

/**
 * The training that fits: De Wijk Werkt! (twelve sessions towards work) for someone who wants
 * work or has a day part a week, otherwise Kom tot Bloei! (four sessions to discover one's
 * talents); the other one when the kaart lacks it. Nearest, in the resident's language, and
 * the soonest start win.
 */
function pickTraining(
  profile: ResidentProfile,
  usable: readonly OfferSuggestion[],
): OfferSuggestion | null {
  const preferred = preferredTraining(profile);
  const trainings = usable.filter(
    (s) =>
      s.offer.kind === 'training' && (s.offer.training === 'ktb' || s.offer.training === 'dww'),
  );
  const rank = (s: OfferSuggestion) => [
    s.offer.training === preferred ? 0 : 1,
    reaches.indexOf(s.reach),
    s.reasons.languageSpoken ? 0 : 1,
  ];
  const sorted = [...trainings].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i += 1) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    const [sa, sb] = [a.offer.nextStart ?? '9999', b.offer.nextStart ?? '9999'];
    return sa < sb ? -1 : sa > sb ? 1 : byScore(a, b);
  });
  return sorted[0] ?? null;
}

/** Which training suits the resident best, from their goals or else their time. */
export function preferredTraining(profile: ResidentProfile): Exclude<OfferTraining, 'other'> {
  if (profile.goals?.includes('work')) return 'dww';
  if (profile.goals?.includes('discoverTalents')) return 'ktb';
  return profile.time === 'dayPart' ? 'dww' : 'ktb';
}
