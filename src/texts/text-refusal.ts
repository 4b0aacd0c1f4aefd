/**
 * Why a text was not saved, as data: a stable code plus the value that broke the rule and
 * what was expected instead. The editor page words the code in the coordinator's language;
 * {@link describeTextRefusal} gives the English line `flows:check` and the logs print.
 */
export const textRefusalCodes = [
  /** The language is not one Bloei speaks. */
  'unknownLanguage',
  /** No shipped text has this key: the editor changes texts, it does not add them. */
  'unknownKey',
  /** A plural form the language does not use (Dutch has no `_few`). */
  'pluralFormNotUsed',
  /** A text for staff (the dashboard, verbinders' chat, Telegram's command list). */
  'notEditable',
  /** The phrases that raise an urgent alert: changed only with a review and its tests. */
  /** What residents agree to: a change needs a new consent version, so they are asked again. */
  'consentText',
  /** Only an active coordinator may change texts. */
  'notAllowed',
  'empty',
  'tooLong',
  /** A `{{placeholder}}` of the Dutch text is missing: the resident would miss that part. */
  'missingPlaceholder',
  /** A `{{placeholder}}` the Dutch text does not have: nothing would fill it in. */
  'unknownPlaceholder',
  /** A phone number of the Dutch text is missing (112, 0800-0113): residents may need it. */
  'missingNumber',
  /** Braces that are not a placeholder (`{{name}` or `{{ }}`). */
  'brokenPlaceholder',
  /** `$t(…)` pulls in another text at send time: hidden, and it escapes every check here. */
  'nesting',
  /** The same as the Dutch or English text in another language: not translated. */
  'notTranslated',
  /** A word list (`ja|jazeker|prima`) with an empty word (`ja||prima`, a trailing `|`). */
  'emptyWord',
  'wordTooLong',
  'tooManyWords',
  /** A word list is one line. */
  'lineBreakInWords',
  /** A word that already means something else (adding "ja" to "stop"). */
  'wordClash',
  /** Reverting a revision that does not exist. */
  'unknownRevision',
] as const;
export type TextRefusalCode = (typeof textRefusalCodes)[number];

export interface TextRefusal {
  code: TextRefusalCode;
  /** What broke the rule: the placeholder, the word, the length. */
  value?: string;
  /** What is allowed instead: the maximum, the list the word already belongs to. */
  expected?: string;
}

const explain: Record<TextRefusalCode, (r: TextRefusal) => string> = {
  unknownLanguage: (r) => `"${r.value}" is not a language Bloei speaks (${r.expected})`,
  unknownKey: (r) => `there is no text "${r.value}"`,
  pluralFormNotUsed: (r) => `this language has no plural form "${r.value}" (${r.expected})`,
  notEditable: () => 'this text is for staff, not for residents, and is not edited here',
  consentText: () =>
    'this is a consent text: changing it needs a new consent version, so residents are asked again',
  notAllowed: () => 'only an active coordinator may change texts',
  empty: () => 'the text is empty',
  tooLong: (r) => `the text has ${r.value} characters, at most ${r.expected} are allowed`,
  missingPlaceholder: (r) => `${r.value} is missing (the Dutch text has ${r.expected})`,
  unknownPlaceholder: (r) => `${r.value} is not filled in for this text (it has ${r.expected})`,
  missingNumber: (r) => `the number ${r.value} is missing (the Dutch text has ${r.expected})`,
  brokenPlaceholder: (r) => `"${r.value}" is not a placeholder: write {{name}}`,
  nesting: (r) => `${r.value} would pull in another text: write the words out`,
  notTranslated: () => 'the text is the same as the Dutch or English one: not translated',
  emptyWord: () => 'the word list has an empty word (two | in a row, or one at an end)',
  wordTooLong: (r) => `"${r.value}" is longer than ${r.expected} characters`,
  tooManyWords: (r) => `the list has ${r.value} words, at most ${r.expected} are allowed`,
  lineBreakInWords: () => 'a word list is one line of words separated by |',
  wordClash: (r) => `"${r.value}" is already a word of ${r.expected}`,
  unknownRevision: (r) => `there is no change number ${r.value}`,
};

/** One English line: `{{name}} is missing (the Dutch text has {{name}})`. */
export function describeTextRefusal(refusal: TextRefusal): string {
  return explain[refusal.code](refusal);
}
