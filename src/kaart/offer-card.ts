/**
 * An offer as a resident is shown it in a chat (`OfferCard`, the engine's view): its texts in
 * the resident's language where the offer has a translation and in Dutch where not, the next
 * start written out as people read a date, the languages spoken there by name.
 */
import type { OfferCard } from '../flows/kaart-lookup.js';
import { localizeOffer } from './localize-offer.js';
import type { Offer } from './offer.js';
import { languageName } from './spoken-languages.js';

export function offerCard(offer: Offer, language: string): OfferCard {
  const local = localizeOffer(offer, language);
  return {
    id: offer.id,
    name: offer.name,
    kind: offer.kind,
    training: offer.training,
    description: local.description,
    schedule: local.schedule,
    location: local.location,
    contact: offer.contact,
    volunteerTask: local.volunteerTask,
    nextStart: offer.nextStart ? writtenDay(offer.nextStart, language) : null,
    languages: offer.languages.map((code) => languageName(code, language)),
    wheelchair: offer.wheelchair,
    busStop: offer.busStop,
    fromHome: offer.fromHome,
    inDutch: local.untranslated.length > 0,
  };
}

/** `2027-03-04` as "4 maart 2027" in Dutch, "March 4, 2027" in English. */
export function writtenDay(day: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}
