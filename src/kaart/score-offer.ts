/**
 * How well one offer suits one resident, with the reasons, so the text that presents it can
 * say why ("er wordt Arabisch gesproken"). Interests weigh most; then whether the time it asks
 * fits, whether the resident's own language is spoken there (more so when Dutch is hard for
 * them) and whether they can get in (wheelchair, bus stop, from home).
 */
import { timeNeeds, type Offer, type TimeNeed } from './offer.js';
import { reaches, type Reach } from './wijk-reach.js';

/** What the kaart knows of a resident, in the talentenscan's answer ids. */
export interface ResidentProfile {
  /** Interest ids; "other" matches nothing in particular. */
  interests: readonly string[];
  /** hour | fewHours | dayPart | unsure, or null. */
  time: string | null;
  /** street | wijk | city | home, or null. */
  mobility: string | null;
  /** 1 (very hard) … 5 (very easy), or null. */
  dutchComfort: number | null;
  /** The language the resident chats in. */
  language: string;
  /** A wijk id, or null / "unknown". */
  wijk: string | null;
  /** What the resident needs to get in, when known. */
  needs?: { wheelchair?: boolean; busStop?: boolean };
  /** Why they might want a training, when known. */
  goals?: readonly TrainingGoal[];
}

/** work: a step towards (paid) work; discoverTalents: finding out what they are good at. */
export const trainingGoals = ['work', 'discoverTalents'] as const;
export type TrainingGoal = (typeof trainingGoals)[number];

export interface SuggestionReasons {
  /** The resident's interests the offer fits. */
  interests: string[];
  /** The resident's own language (not Dutch) is spoken there. */
  languageSpoken: boolean;
  /** It asks no more time than the resident has. */
  timeFits: boolean;
  /** Known to be wheelchair accessible, for a resident who needs that. */
  wheelchair: boolean;
  /** Near a bus stop, for a resident who needs that. */
  busStop: boolean;
  /** Can be done from home, for a resident who prefers that. */
  fromHome: boolean;
}

export interface OfferSuggestion {
  offer: Offer;
  reach: Reach;
  reasons: SuggestionReasons;
  score: number;
}

/** The part of an interest list that can match: "other" says nothing about an offer. */
export function matchableInterests(interests: readonly string[]): string[] {
  return interests.filter((interest) => interest !== 'other');
}

/** Whether the resident can use the offer at all: a wheelchair user needs a known-good one. */
export function isAccessible(offer: Offer, profile: ResidentProfile): boolean {
  return !(profile.needs?.wheelchair && offer.wheelchair === false);
}

export function scoreOffer(offer: Offer, profile: ResidentProfile, reach: Reach): OfferSuggestion {
  const wanted = matchableInterests(profile.interests);
  const interests = offer.interests.filter((interest) => wanted.includes(interest));
  let score = 10 * interests.length;

  const available = timeNeeds.indexOf(profile.time as TimeNeed);
  const asked = offer.timeNeeded ? timeNeeds.indexOf(offer.timeNeeded) : -1;
  const timeFits = available >= 0 && asked >= 0 && asked <= available;
  if (available >= 0 && asked >= 0) score += timeFits ? 2 : -4;

  const languageSpoken = profile.language !== 'nl' && offer.languages.includes(profile.language);
  if (languageSpoken) {
    const comfort = profile.dutchComfort ?? 3;
    score += comfort <= 2 ? 6 : comfort === 3 ? 2 : 1;
  }

  const needsWheelchair = profile.needs?.wheelchair === true;
  const wheelchair = needsWheelchair && offer.wheelchair === true;
  if (needsWheelchair) score += wheelchair ? 3 : -3;
  const needsBus = profile.needs?.busStop === true;
  const busStop = needsBus && offer.busStop === true;
  if (needsBus) score += busStop ? 2 : offer.busStop === false ? -2 : -1;

  const fromHome = profile.mobility === 'home' && offer.fromHome;
  if (fromHome) score += 5;

  return {
    offer,
    reach,
    reasons: { interests, languageSpoken, timeFits, wheelchair, busStop, fromHome },
    score,
  };
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/** Best first: higher score, then name, then id, so equal offers always come in one order. */
export function byScore(a: OfferSuggestion, b: OfferSuggestion): number {
  return b.score - a.score || byName(a, b);
}

/** Nearest first, then by name. */
export function byReachAndName(a: OfferSuggestion, b: OfferSuggestion): number {
  return reaches.indexOf(a.reach) - reaches.indexOf(b.reach) || byName(a, b);
}

function byName(a: OfferSuggestion, b: OfferSuggestion): number {
  return (
    collator.compare(a.offer.name, b.offer.name) ||
    (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0)
  );
}
