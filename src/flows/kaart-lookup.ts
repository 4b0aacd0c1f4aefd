/**
 * The sociale kaart as the engine sees it (`EngineContext.kaart`): a synchronous lookup over
 * offers the host keeps in memory and refreshes in the background, like the wijken it passes
 * as a choice set, so a turn stays pure and costs no database read. What comes back is ready
 * to show: texts in the resident's language where the offer has a translation, in Dutch
 * otherwise (`inDutch` says so, so the message around it can say it in the resident's words).
 */

/** An offer as a resident is shown it. */
export interface OfferCard {
  id: string;
  name: string;
  kind: 'ontwikkelplaats' | 'activity' | 'course' | 'training';
  /** ktb = Kom tot Bloei!, dww = De Wijk Werkt!; null for anything but a training. */
  training: 'ktb' | 'dww' | 'other' | null;
  description: string;
  /** When it happens, as people say it. */
  schedule: string;
  /** Where it happens. */
  location: string;
  contact: string;
  /** What a volunteer does there. */
  volunteerTask: string | null;
  /** The next start of a training or course, written out in the resident's language. */
  nextStart: string | null;
  /** The languages spoken there, named in the resident's language. */
  languages: string[];
  /** Null when unknown. */
  wheelchair: boolean | null;
  /** Near a bus stop; null when unknown. */
  busStop: boolean | null;
  fromHome: boolean;
  /** Some of the texts above are in Dutch: the offer has no translation for them. */
  inDutch: boolean;
}

/** What a talentenscan told Bloei, in its answer ids. */
export interface ScanProfile {
  interests: readonly string[];
  /** hour | fewHours | dayPart | unsure, or null. */
  time: string | null;
  /** street | wijk | city | home, or null. */
  mobility: string | null;
  /** 1 (very hard) … 5 (very easy), or null. */
  dutchComfort: number | null;
  /** A wijk id, "unknown" or null. */
  wijk: string | null;
  /** The language the resident chats in. */
  language: string;
  /** What the resident needs to get in. */
  needs: { wheelchair: boolean; busStop: boolean };
}

/** "What is there to do near me": the resident's wijk (or null) and language. */
export interface NearbyQuery {
  wijk: string | null;
  language: string;
}

export interface KaartLookup {
  /** The resident's wijk as Bloei knows it from earlier (their contact's), or null. */
  readonly residentWijk: string | null;
  /**
   * The concrete end of a talentenscan: two or three offers that fit, nearest first, then
   * one training where one fits. Empty when nothing on the kaart fits.
   */
  forScan(profile: ScanProfile, now: Date): OfferCard[];
  /** The interest ids that have an offer in reach, in the talentenscan's order. */
  interestsNearby(query: NearbyQuery, now: Date): string[];
  /** Every offer in reach that fits `interest`, nearest first. */
  nearby(query: NearbyQuery, interest: string, now: Date): OfferCard[];
  /** One offer by id, as shown in `language`; null when it is gone or no longer shown. */
  offer(id: string, language: string, now: Date): OfferCard | null;
}
