/**
 * The columns of a kaart file, shared by import and export so that an exported file imports
 * again without changes. Eight columns are required; the others are optional, and a column a
 * file leaves out leaves that field of a stored offer alone.
 */
import { translatableFields, type TranslatableField } from './offer.js';

export const requiredColumns = [
  'name',
  'wijk',
  'interests',
  'description',
  'when',
  'where',
  'contact',
  'languages',
] as const;

export const optionalColumns = [
  'kind',
  'training',
  'next_start',
  'volunteer_task',
  'time',
  'wheelchair',
  'bus_stop',
  'from_home',
  'owner',
  'last_checked',
  'active',
] as const;

export type KaartColumn = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

/** Separates the items of a list cell (interests, languages). */
export const LIST_SEPARATOR = ';';

/** The column stem of each translatable text: `<stem>_<language>`, e.g. `when_ar`. */
export const translationStems: Record<TranslatableField, string> = {
  description: 'description',
  schedule: 'when',
  location: 'where',
  volunteerTask: 'volunteer_task',
};

/** The column for `field` in `language`. */
export function translationColumn(field: TranslatableField, language: string): string {
  return `${translationStems[field]}_${language}`;
}

/** The field and language of a translation column, or null for any other column. */
export function parseTranslationColumn(
  column: string,
): { field: TranslatableField; language: string } | null {
  const match = /^(.+)_([a-z]{2,3})$/.exec(column);
  if (!match) return null;
  const field = translatableFields.find((f) => translationStems[f] === match[1]);
  return field ? { field, language: match[2]! } : null;
}

const yes = new Set(['yes', 'ja', 'y', 'j', 'true', '1']);
const no = new Set(['no', 'nee', 'n', 'false', '0']);

/** A yes/no cell: true, false, null when empty (unknown), or undefined when unreadable. */
export function parseYesNo(cell: string): boolean | null | undefined {
  const value = cell.trim().toLowerCase();
  if (value === '') return null;
  if (yes.has(value)) return true;
  if (no.has(value)) return false;
  return undefined;
}

/** The cell an export writes for a yes/no field. */
export function formatYesNo(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no';
}

/** The items of a list cell, trimmed, without empty items. */
export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Starts like a formula, perhaps behind apostrophes a guard put there before. */
const formulaLike = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run as a formula: an export puts an apostrophe before a cell
 * that starts like one (`'+31 40…`), and {@link unguardCell} takes it off again on import.
 */
export function guardCell(cell: string): string {
  return formulaLike.test(cell) ? `'${cell}` : cell;
}

/** A cell as it was before {@link guardCell}: `unguardCell(guardCell(s)) === s` for any s. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && formulaLike.test(cell.slice(1)) ? cell.slice(1) : cell;
}
