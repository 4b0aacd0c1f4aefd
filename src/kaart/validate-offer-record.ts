/**
 * Checks one offer given as cells by column name — a line of a kaart file, or a dashboard form
 * whose fields carry the same names — and turns it into the fields to store. Every wrong cell
 * is a problem naming its column and value. Pure: known wijken and verbinders are passed in.
 */
import { DateTime } from 'luxon';
import {
  parseTranslationColumn,
  parseYesNo,
  splitList,
  type KaartColumn,
} from './offer-columns.js';
import type { OfferProblem } from './offer-problem.js';
import {
  CITY_WIDE,
  interestIds,
  KAART_ZONE,
  offerKinds,
  offerTrainings,
  timeNeeds,
  type OfferFields,
  type OfferKind,
  type OfferTraining,
  type TimeNeed,
  type TranslatableField,
} from './offer.js';
import { isLanguageCode } from './spoken-languages.js';

/** One valid line of a kaart file. */
export interface OfferRow {
  line: number;
  name: string;
  wijk: string;
  /** Only the fields whose column the file has: the others stay as they are. */
  fields: Partial<OfferFields>;
  /** Per language, the texts whose column the file has; null removes that translation. */
  translations: Record<string, Partial<Record<TranslatableField, string | null>>>;
}

export interface KnownReferences {
  wijken: readonly string[];
  /** Verbinders by lower-case login and by id, to their id. */
  owners: ReadonlyMap<string, string>;
}

const kindAliases: Record<string, OfferKind> = {
  ontwikkelplaats: 'ontwikkelplaats',
  activity: 'activity',
  activiteit: 'activity',
  course: 'course',
  cursus: 'course',
  training: 'training',
};

const trainingAliases: Record<string, OfferTraining> = {
  ktb: 'ktb',
  'kom tot bloei': 'ktb',
  'kom tot bloei!': 'ktb',
  dww: 'dww',
  'de wijk werkt': 'dww',
  'de wijk werkt!': 'dww',
  other: 'other',
  anders: 'other',
};

const interestById = new Map(interestIds.map((id) => [id.toLowerCase(), id]));

/** Checks one offer; `line` is the line of the file (0 for a form). */
export function validateOfferRecord(
  record: Record<string, string>,
  line: number,
  known: KnownReferences,
): { row: OfferRow | null; problems: OfferProblem[] } {
  const problems: OfferProblem[] = [];
  const has = (column: KaartColumn) => column in record;
  const get = (column: KaartColumn) => (record[column] ?? '').trim();
  const problem = (p: Omit<OfferProblem, 'line'>) => problems.push({ line, ...p });
  const required = (column: KaartColumn) => {
    const value = get(column);
    if (!value) problem({ code: 'empty', column });
    return value;
  };
  const fields: Partial<OfferFields> = {};

  const name = required('name');
  const wijkText = required('wijk');
  const wijk = wijkText.toLowerCase();
  if (wijkText && wijk !== CITY_WIDE && !known.wijken.includes(wijk)) {
    problem({
      code: 'unknownWijk',
      column: 'wijk',
      value: wijkText,
      expected: [CITY_WIDE, ...known.wijken].join(', '),
    });
  }
  fields.description = required('description');
  fields.schedule = get('when');
  fields.location = get('where');
  fields.contact = get('contact');

  const interests: string[] = [];
  for (const item of splitList(get('interests'))) {
    const id = interestById.get(item.toLowerCase());
    if (id) interests.push(id);
    else
      problem({
        code: 'unknownInterest',
        column: 'interests',
        value: item,
        expected: interestIds.join(', '),
      });
  }
  fields.interests = interestIds.filter((id) => interests.includes(id));

  const languages = new Set<string>();
  for (const item of splitList(get('languages'))) {
    const code = item.toLowerCase();
    if (isLanguageCode(code)) languages.add(code);
    else problem({ code: 'unknownLanguage', column: 'languages', value: item });
  }
  fields.languages = [...languages].sort();

  const kindText = get('kind');
  const kind = kindText ? kindAliases[kindText.toLowerCase()] : undefined;
  if (kindText && !kind) {
    problem({
      code: 'unknownKind',
      column: 'kind',
      value: kindText,
      expected: offerKinds.join(', '),
    });
  }
  const trainingText = get('training');
  const training = trainingText ? trainingAliases[trainingText.toLowerCase()] : undefined;
  if (trainingText && !training) {
    problem({
      code: 'unknownTraining',
      column: 'training',
      value: trainingText,
      expected: offerTrainings.join(', '),
    });
  }
  if (training && kind && kind !== 'training') {
    problem({ code: 'trainingForOtherKind', column: 'training', value: trainingText });
  }
  if (has('kind') || has('training')) {
    fields.kind = kind ?? (training ? 'training' : 'activity');
    fields.training = fields.kind === 'training' ? (training ?? 'other') : null;
  }
  const isTraining = (fields.kind ?? (training ? 'training' : undefined)) === 'training';
  if (
    fields.interests.length === 0 &&
    !isTraining &&
    !problems.some((p) => p.column === 'interests')
  ) {
    problem({ code: 'noInterests', column: 'interests' });
  }

  if (has('volunteer_task')) fields.volunteerTask = get('volunteer_task') || null;
  if (has('time')) {
    const text = get('time');
    const time = timeNeeds.find((t) => t.toLowerCase() === text.toLowerCase());
    if (text && !time) {
      problem({ code: 'unknownTime', column: 'time', value: text, expected: timeNeeds.join(', ') });
    }
    fields.timeNeeded = (time as TimeNeed | undefined) ?? null;
  }
  const yesNo = (column: KaartColumn): boolean | null => {
    const value = parseYesNo(get(column));
    if (value === undefined) problem({ code: 'notYesNo', column, value: get(column) });
    return value ?? null;
  };
  if (has('wheelchair')) fields.wheelchair = yesNo('wheelchair');
  if (has('bus_stop')) fields.busStop = yesNo('bus_stop');
  if (has('from_home')) fields.fromHome = yesNo('from_home') ?? false;
  if (has('active')) fields.active = yesNo('active') ?? true;
  if (has('next_start')) {
    const text = get('next_start');
    const date = DateTime.fromISO(text, { zone: KAART_ZONE });
    if (text && !(/^\d{4}-\d{2}-\d{2}$/.test(text) && date.isValid)) {
      problem({ code: 'notADate', column: 'next_start', value: text });
    }
    fields.nextStart = text && date.isValid ? date.toISODate() : null;
  }
  const checkedText = get('last_checked');
  if (checkedText) {
    const date = DateTime.fromISO(checkedText, { zone: KAART_ZONE });
    if (date.isValid) fields.checkedAt = date.startOf('day').toJSDate();
    else problem({ code: 'notADate', column: 'last_checked', value: checkedText });
  }
  if (has('owner')) {
    const text = get('owner');
    const id = text ? known.owners.get(text.toLowerCase()) : null;
    if (id === undefined) problem({ code: 'unknownOwner', column: 'owner', value: text });
    fields.ownerId = id ?? null;
  }

  const translations: OfferRow['translations'] = {};
  for (const [column, cell] of Object.entries(record)) {
    const translation = parseTranslationColumn(column);
    if (!translation) continue;
    (translations[translation.language] ??= {})[translation.field] = cell.trim() || null;
  }
  if (problems.length > 0) return { row: null, problems };
  return { row: { line, name, wijk, fields, translations }, problems };
}
