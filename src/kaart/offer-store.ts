/**
 * What the sociale kaart needs from storage. The kaart's use cases (import, export, nudges)
 * depend on this port only; `src/store/offer-repository.ts` implements it on the database.
 */
import type { Offer, OfferData } from './offer.js';
import type { WijkNeighbours } from './wijk-reach.js';

/** A member of staff as far as the kaart cares: who can own an offer, who gets nudges. */
export interface StaffRef {
  id: string;
  login: string | null;
  /** verbinder | coordinator */
  role: string;
  wijkId: string | null;
  active: boolean;
}

/** A write an import makes: a new offer, or all fields of an existing one. */
export type OfferWrite = { id: null; data: OfferData } | { id: string; data: OfferData };

export interface OfferStore {
  /** Every offer, active or not, with its translations, ordered by wijk and name. */
  listOffers(): Promise<Offer[]>;
  /** Ids of the wijken an offer may belong to. */
  wijkIds(): Promise<string[]>;
  staff(): Promise<StaffRef[]>;
  neighbours(): Promise<WijkNeighbours>;
  /** Saves all writes in one transaction: all of them, or none. */
  saveOffers(writes: readonly OfferWrite[]): Promise<void>;
  /** Records that a nudge about these offers went out at `at`. */
  markNudged(offerIds: readonly string[], at: Date): Promise<void>;
  /** "Still correct": the offer counts as checked at `at`. False when there is no such offer. */
  confirmStillCorrect(offerId: string, at: Date): Promise<boolean>;
  /** Shows or hides an offer. False when there is no such offer. */
  setActive(offerId: string, active: boolean): Promise<boolean>;
  /**
   * Changes whenever an offer is added or changed (its translations with it): a process that
   * keeps the kaart in memory reloads only then.
   */
  kaartVersion(): Promise<string>;
}
