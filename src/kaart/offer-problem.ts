/**
 * One thing wrong in a kaart file, as data: the line a spreadsheet shows, the column, the bad
 * value and a stable code. The command line prints it in English with
 * {@link describeOfferProblem}; a dashboard can word the same code in the reader's language.
 */
export const offerProblemCodes = [
  'notCsv',
  'missingColumn',
  'unknownColumn',
  'duplicateColumn',
  'cellCount',
  'empty',
  'unknownWijk',
  'unknownInterest',
  'noInterests',
  'unknownLanguage',
  'unknownKind',
  'unknownTraining',
  'trainingForOtherKind',
  'unknownTime',
  'notYesNo',
  'notADate',
  'unknownOwner',
  'duplicate',
] as const;
export type OfferProblemCode = (typeof offerProblemCodes)[number];

export interface OfferProblem {
  /** The line number a spreadsheet shows (the header is line 1). */
  line: number;
  code: OfferProblemCode;
  column?: string;
  value?: string;
  /** What is allowed instead, or the earlier line of a duplicate. */
  expected?: string;
}

const explain: Record<OfferProblemCode, (p: OfferProblem) => string> = {
  notCsv: (p) => `the file is not valid CSV (${p.value ?? ''})`,
  missingColumn: (p) => `missing column "${p.column}"`,
  unknownColumn: (p) => `unknown column "${p.column}" (columns: ${p.expected})`,
  duplicateColumn: (p) => `column "${p.column}" appears more than once`,
  cellCount: (p) => `has ${p.value} cells, the header has ${p.expected}`,
  empty: (p) => `${p.column} is empty`,
  unknownWijk: (p) => `wijk "${p.value}" is unknown (known: ${p.expected})`,
  unknownInterest: (p) => `interests: "${p.value}" is not an interest id (ids: ${p.expected})`,
  noInterests: () => 'interests is empty (only a training may fit no interest)',
  unknownLanguage: (p) =>
    `languages: "${p.value}" is not a language code (such as nl, en, ar, tr, pl, uk)`,
  unknownKind: (p) => `kind "${p.value}" is unknown (kinds: ${p.expected})`,
  unknownTraining: (p) => `training "${p.value}" is unknown (trainings: ${p.expected})`,
  trainingForOtherKind: (p) => `training "${p.value}" is given, but kind is not training`,
  unknownTime: (p) => `time "${p.value}" is unknown (times: ${p.expected})`,
  notYesNo: (p) => `${p.column} "${p.value}" is not yes or no (or empty for unknown)`,
  notADate: (p) => `${p.column} "${p.value}" is not a date (YYYY-MM-DD)`,
  unknownOwner: (p) => `owner "${p.value}" is not a verbinder's login or id`,
  duplicate: (p) => `"${p.value}" is already on line ${p.expected} (name and wijk must be unique)`,
};

/** One English line for the command line: `line 3: wijk "stratumm" is unknown (…)`. */
export function describeOfferProblem(problem: OfferProblem): string {
  return `line ${problem.line}: ${explain[problem.code](problem)}`;
}
