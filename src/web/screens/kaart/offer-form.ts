/**
 * The offer form's fields and how they map onto the kaart file's columns, so that a saved form
 * is checked by the import's own rules (`validateOfferRecord`). Interests and languages are
 * checkboxes (`interest_<id>`, `language_<code>`) plus a field for other language codes;
 * translations carry their column names (`description_en`, `when_ar` …).
 */
import { Type, type TProperties } from 'typebox';
import {
  formatYesNo,
  LIST_SEPARATOR,
  splitList,
  translationColumn,
} from '../../../kaart/offer-columns.js';
import { interestIds, translatableFields, type Offer } from '../../../kaart/offer.js';
import { form, line, text } from '../../request-schema.js';
import { bloeiLanguages } from '../../../flows/definitions/language.js';

/** The languages Bloei speaks: a checkbox each; others are typed as codes. */
export const formLanguages = bloeiLanguages;

/** Languages an offer's Dutch texts may be translated into. */
export const translationLanguages = formLanguages.filter((l) => l !== 'nl');

/** Single-line cells of the kaart file the form has a field for, with their longest length. */
const lineColumns: Record<string, number> = {
  name: 200,
  wijk: 64,
  kind: 32,
  training: 32,
  next_start: 10,
  when: 300,
  where: 300,
  contact: 300,
  time: 16,
  wheelchair: 8,
  bus_stop: 8,
  from_home: 8,
  owner: 64,
};

/** Free-text cells (a textarea each). */
const textColumns = ['description', 'volunteer_task'] as const;
const maxText = 4000;

export const interestField = (id: string) => `interest_${id}`;
export const languageField = (code: string) => `language_${code}`;
export const otherLanguagesField = 'other_languages';

/** Every translation field, e.g. `description_en`. */
export const translationFields: readonly string[] = translationLanguages.flatMap((language) =>
  translatableFields.map((field) => translationColumn(field, language)),
);

function offerFormProperties(): TProperties {
  const properties: TProperties = { id: Type.Optional(line(64)) };
  for (const [column, max] of Object.entries(lineColumns)) {
    properties[column] = Type.Optional(line(max));
  }
  for (const column of textColumns) properties[column] = Type.Optional(text(maxText));
  for (const id of interestIds) properties[interestField(id)] = Type.Optional(line(8));
  for (const code of formLanguages) properties[languageField(code)] = Type.Optional(line(8));
  properties[otherLanguagesField] = Type.Optional(line(200));
  for (const column of translationFields) properties[column] = Type.Optional(text(maxText));
  return properties;
}

/** The form's schema: every field optional and of bounded length. */
export const offerFormSchema = form(offerFormProperties());

/** What the form posts, by field name. */
export type OfferFormBody = Record<string, string | undefined>;

/** The form's values as cells by kaart column: what `saveOfferForm` checks and stores. */
export function recordFromForm(body: OfferFormBody): Record<string, string> {
  const record: Record<string, string> = {};
  for (const column of [...Object.keys(lineColumns), ...textColumns, ...translationFields]) {
    record[column] = body[column] ?? '';
  }
  if (!('owner' in body)) delete record['owner'];
  record['from_home'] = body['from_home'] ? 'yes' : 'no';
  record['interests'] = interestIds.filter((id) => body[interestField(id)]).join(LIST_SEPARATOR);
  const languages = [
    ...formLanguages.filter((code) => body[languageField(code)]),
    ...splitList((body[otherLanguagesField] ?? '').replaceAll(',', LIST_SEPARATOR)),
  ];
  record['languages'] = languages.join(LIST_SEPARATOR);
  return record;
}

/** A stored offer as the form's cells, to fill the form with. */
export function recordFromOffer(offer: Offer): Record<string, string> {
  const record: Record<string, string> = {
    name: offer.name,
    wijk: offer.wijk,
    kind: offer.kind,
    training: offer.training ?? '',
    next_start: offer.nextStart ?? '',
    interests: offer.interests.join(LIST_SEPARATOR),
    description: offer.description,
    when: offer.schedule,
    where: offer.location,
    contact: offer.contact,
    languages: offer.languages.join(LIST_SEPARATOR),
    volunteer_task: offer.volunteerTask ?? '',
    time: offer.timeNeeded ?? '',
    wheelchair: formatYesNo(offer.wheelchair),
    bus_stop: formatYesNo(offer.busStop),
    from_home: offer.fromHome ? 'yes' : 'no',
    owner: offer.ownerId ?? '',
  };
  for (const language of translationLanguages) {
    for (const field of translatableFields) {
      record[translationColumn(field, language)] = offer.translations[language]?.[field] ?? '';
    }
  }
  return record;
}
