/**
 * An offer's texts in the resident's language where a translation exists, in Dutch where not.
 * It says which texts stayed Dutch, so the message around them can say so in the resident's
 * language ("in het Nederlands:") instead of passing Dutch off as a translation.
 */
import { translatableFields, type Offer, type TranslatableField } from './offer.js';

export interface LocalizedOffer {
  id: string;
  name: string;
  description: string;
  schedule: string;
  location: string;
  contact: string;
  volunteerTask: string | null;
  nextStart: string | null;
  /** Language codes spoken there. */
  languages: string[];
  /** The texts shown in Dutch because the offer has no translation for them. */
  untranslated: TranslatableField[];
}

export function localizeOffer(offer: Offer, language: string): LocalizedOffer {
  const translation = language === 'nl' ? {} : (offer.translations[language] ?? {});
  const untranslated: TranslatableField[] = [];
  const text = (field: TranslatableField): string | null => {
    const dutch = offer[field];
    if (!dutch) return dutch;
    const translated = translation[field];
    if (translated) return translated;
    if (language !== 'nl') untranslated.push(field);
    return dutch;
  };
  const texts = Object.fromEntries(translatableFields.map((field) => [field, text(field)]));
  return {
    id: offer.id,
    name: offer.name,
    description: texts['description'] ?? '',
    schedule: texts['schedule'] ?? '',
    location: texts['location'] ?? '',
    contact: offer.contact,
    volunteerTask: texts['volunteerTask'] ?? null,
    nextStart: offer.nextStart,
    languages: offer.languages,
    untranslated,
  };
}
