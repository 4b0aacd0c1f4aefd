/**
 * Writes the whole kaart, inactive offers too, in the format the import reads, so a
 * coordinator can export, edit in a spreadsheet and import again; an unedited export imports
 * without changes. Cells a spreadsheet would run as a formula get a leading apostrophe, which
 * the import takes off again.
 */
import { DateTime } from 'luxon';
import { stringify } from 'csv-stringify/sync';
import {
  formatYesNo,
  guardCell,
  LIST_SEPARATOR,
  optionalColumns,
  requiredColumns,
  translationColumn,
} from './offer-columns.js';
import { KAART_ZONE, translatableFields, type Offer } from './offer.js';
import type { StaffRef } from './offer-store.js';

/** The kaart as CSV: required columns, optional columns, then translations per language. */
export function exportOffers(offers: readonly Offer[], staff: readonly StaffRef[]): string {
  const ownerRef = new Map(staff.map((member) => [member.id, member.login ?? member.id]));
  const languages = [...new Set(offers.flatMap((offer) => Object.keys(offer.translations)))].sort();
  const translationHeader = languages.flatMap((language) =>
    translatableFields.map((field) => translationColumn(field, language)),
  );
  const header = [...requiredColumns, ...optionalColumns, ...translationHeader];
  const rows = offers.map((offer) => [
    offer.name,
    offer.wijk,
    offer.interests.join(LIST_SEPARATOR),
    offer.description,
    offer.schedule,
    offer.location,
    offer.contact,
    offer.languages.join(LIST_SEPARATOR),
    offer.kind,
    offer.training ?? '',
    offer.nextStart ?? '',
    offer.volunteerTask ?? '',
    offer.timeNeeded ?? '',
    formatYesNo(offer.wheelchair),
    formatYesNo(offer.busStop),
    formatYesNo(offer.fromHome),
    offer.ownerId ? (ownerRef.get(offer.ownerId) ?? offer.ownerId) : '',
    DateTime.fromJSDate(offer.checkedAt, { zone: KAART_ZONE }).toISODate() ?? '',
    formatYesNo(offer.active),
    ...languages.flatMap((language) =>
      translatableFields.map((field) => offer.translations[language]?.[field] ?? ''),
    ),
  ]);
  // RFC 4180 with CRLF line ends, as spreadsheets write it.
  return stringify([header, ...rows.map((row) => row.map(guardCell))], {
    record_delimiter: 'windows',
  });
}
