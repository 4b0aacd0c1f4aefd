/**
 * What an import would do, decided before anything is written: each valid line becomes a new
 * offer, an update of the offer with the same name and wijk, or nothing when the stored offer
 * already says the same. A dry run shows this plan; a real import saves its writes.
 */
import { DateTime } from 'luxon';
import { translationColumn } from './offer-columns.js';
import {
  KAART_ZONE,
  newOfferFields,
  type Offer,
  type OfferData,
  type OfferFields,
  type OfferTexts,
} from './offer.js';
import type { OfferWrite } from './offer-store.js';
import type { OfferRow } from './validate-offer-record.js';

export interface OfferChange {
  line: number;
  name: string;
  wijk: string;
  action: 'create' | 'update' | 'unchanged';
  /** The columns whose value changes, for an update. */
  columns: string[];
}

export interface OfferImportPlan {
  changes: OfferChange[];
  writes: OfferWrite[];
}

const columnOf: Record<keyof OfferFields, string> = {
  kind: 'kind',
  training: 'training',
  interests: 'interests',
  description: 'description',
  schedule: 'when',
  location: 'where',
  contact: 'contact',
  languages: 'languages',
  volunteerTask: 'volunteer_task',
  timeNeeded: 'time',
  wheelchair: 'wheelchair',
  busStop: 'bus_stop',
  fromHome: 'from_home',
  nextStart: 'next_start',
  active: 'active',
  ownerId: 'owner',
  checkedAt: 'last_checked',
};

/**
 * Plans the import of `rows` over the `existing` offers at time `at`. An edited offer counts
 * as checked at `at`, unless the file gives another last_checked date.
 */
export function planOfferImport(
  rows: readonly OfferRow[],
  existing: readonly Offer[],
  at: Date,
): OfferImportPlan {
  const byKey = new Map(existing.map((offer) => [key(offer), offer]));
  const changes: OfferChange[] = [];
  const writes: OfferWrite[] = [];
  for (const row of rows) {
    const stored = byKey.get(key(row));
    const base = { line: row.line, name: row.name, wijk: row.wijk };
    if (!stored) {
      const data: OfferData = {
        ...newOfferFields(at),
        ...row.fields,
        name: row.name,
        wijk: row.wijk,
        translations: mergeTranslations({}, row.translations),
      };
      writes.push({ id: null, data });
      changes.push({ ...base, action: 'create', columns: [] });
      continue;
    }
    const { fields, columns } = mergeFields(stored, row.fields);
    const translations = mergeTranslations(stored.translations, row.translations);
    columns.push(...changedTranslationColumns(stored.translations, translations));
    const checkedGiven = row.fields.checkedAt !== undefined && columns.includes('last_checked');
    if (columns.length > 0 && !checkedGiven) fields.checkedAt = at;
    if (columns.length === 0) {
      changes.push({ ...base, action: 'unchanged', columns });
      continue;
    }
    writes.push({
      id: stored.id,
      data: { ...fields, name: stored.name, wijk: stored.wijk, translations },
    });
    changes.push({ ...base, action: 'update', columns });
  }
  return { changes, writes };
}

function key(offer: { name: string; wijk: string }): string {
  return `${offer.name}\u0000${offer.wijk}`;
}

function mergeFields(
  stored: Offer,
  given: Partial<OfferFields>,
): { fields: OfferFields; columns: string[] } {
  const fields = Object.fromEntries(
    (Object.keys(columnOf) as (keyof OfferFields)[]).map((name) => [name, stored[name]]),
  ) as unknown as OfferFields;
  const columns: string[] = [];
  for (const name of Object.keys(given) as (keyof OfferFields)[]) {
    const value = given[name];
    if (value === undefined || same(stored[name], value, name)) continue;
    (fields as unknown as Record<string, unknown>)[name] = value;
    columns.push(columnOf[name]);
  }
  return { fields, columns };
}

function same(a: unknown, b: unknown, field: keyof OfferFields): boolean {
  if (field === 'checkedAt') {
    // A file gives days: the same day keeps the stored moment.
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: KAART_ZONE }).toISODate();
    return day(a as Date) === day(b as Date);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.join('\u0000') === b.join('\u0000');
  return a === b;
}

function mergeTranslations(
  stored: Record<string, OfferTexts>,
  given: OfferRow['translations'],
): Record<string, OfferTexts> {
  const merged: Record<string, OfferTexts> = {};
  for (const [language, texts] of Object.entries(stored)) merged[language] = { ...texts };
  for (const [language, texts] of Object.entries(given)) {
    const target = (merged[language] ??= {});
    for (const [field, value] of Object.entries(texts) as [keyof OfferTexts, string | null][]) {
      if (value === null) delete target[field];
      else target[field] = value;
    }
    if (Object.keys(target).length === 0) delete merged[language];
  }
  return merged;
}

function changedTranslationColumns(
  before: Record<string, OfferTexts>,
  after: Record<string, OfferTexts>,
): string[] {
  const columns: string[] = [];
  for (const language of new Set([...Object.keys(before), ...Object.keys(after)])) {
    for (const field of new Set([
      ...Object.keys(before[language] ?? {}),
      ...Object.keys(after[language] ?? {}),
    ]) as Set<keyof OfferTexts>) {
      if (before[language]?.[field] !== after[language]?.[field]) {
        columns.push(translationColumn(field, language));
      }
    }
  }
  return columns.sort();
}
