/**
 * An offer on the sociale kaart: a place or activity a resident can go to, described in the
 * talentenscan's own terms (its interest ids, time and mobility answers) so that the end of a
 * scan can point at something real instead of a generic idea.
 */
import { talentenscan } from '../flows/definitions/talentenscan.js';

/** The kinds of offer the seeds name: ontwikkelplaatsen, activities, courses and trainings. */
export const offerKinds = ['ontwikkelplaats', 'activity', 'course', 'training'] as const;
export type OfferKind = (typeof offerKinds)[number];

/** ktb = Kom tot Bloei!, dww = De Wijk Werkt! (the ids cohorts use), other = another training. */
export const offerTrainings = ['ktb', 'dww', 'other'] as const;
export type OfferTraining = (typeof offerTrainings)[number];

/** The time a week an offer asks, ordered, in the ids of the talentenscan's time answer. */
export const timeNeeds = ['hour', 'fewHours', 'dayPart'] as const;
export type TimeNeed = (typeof timeNeeds)[number];

/** Dates without a time are days in Eindhoven. */
export const KAART_ZONE = 'Europe/Amsterdam';

/** The `wijk` of an offer open to residents of every wijk. */
export const CITY_WIDE = 'all';

/** The talentenscan's interest ids, in its order: the only interests an offer can fit. */
export const interestIds: readonly string[] = talentenscan.steps.interests.choices.map((c) => c.id);

/** Texts written in Dutch that may have a translation per language. */
export const translatableFields = ['description', 'schedule', 'location', 'volunteerTask'] as const;
export type TranslatableField = (typeof translatableFields)[number];

/** An offer's texts in one language; a missing field falls back to Dutch. */
export type OfferTexts = Partial<Record<TranslatableField, string>>;

/** Everything about an offer except its identity (name and wijk) and bookkeeping. */
export interface OfferFields {
  kind: OfferKind;
  training: OfferTraining | null;
  /** Interest ids, in the talentenscan's order. */
  interests: string[];
  description: string;
  /** When it happens, as people say it. */
  schedule: string;
  /** Where it happens. */
  location: string;
  contact: string;
  /** Language codes spoken there, sorted. */
  languages: string[];
  volunteerTask: string | null;
  timeNeeded: TimeNeed | null;
  /** Null when unknown. */
  wheelchair: boolean | null;
  /** Near a bus stop; null when unknown. */
  busStop: boolean | null;
  fromHome: boolean;
  /** Next start of a training or course, `YYYY-MM-DD`. */
  nextStart: string | null;
  active: boolean;
  /** The verbinder who keeps it current. */
  ownerId: string | null;
  checkedAt: Date;
}

/** What a new or updated offer holds. Translations are keyed by language code. */
export interface OfferData extends OfferFields {
  name: string;
  /** A wijk id, or {@link CITY_WIDE}. */
  wijk: string;
  translations: Record<string, OfferTexts>;
}

/** A stored offer. */
export interface Offer extends OfferData {
  id: string;
  /** When its owner (or the coordinators) were last nudged to check it. */
  nudgedAt: Date | null;
}

/** The defaults of a new offer for the fields an import file leaves out. */
export function newOfferFields(checkedAt: Date): OfferFields {
  return {
    kind: 'activity',
    training: null,
    interests: [],
    description: '',
    schedule: '',
    location: '',
    contact: '',
    languages: [],
    volunteerTask: null,
    timeNeeded: null,
    wheelchair: null,
    busStop: null,
    fromHome: false,
    nextStart: null,
    active: true,
    ownerId: null,
    checkedAt,
  };
}

/**
 * Whether an offer may be shown to residents on `today` (`YYYY-MM-DD`): active, and not a
 * training or course whose next start has passed (that date needs checking first).
 */
export function isCurrent(offer: Pick<Offer, 'active' | 'nextStart'>, today: string): boolean {
  return offer.active && (offer.nextStart === null || offer.nextStart >= today);
}
