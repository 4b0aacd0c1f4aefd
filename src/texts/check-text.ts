/**
 * The rules a text must follow, for the shipped locale files (`flows:check`) and for a
 * coordinator's edit (on save) alike: its placeholders and phone numbers are the Dutch text's, no nesting, a
 * bounded length, word lists in their shape; an edit must also be of a resident's text that
 * exists, in a plural form the language uses, translated, and without a word that already
 * means something else. Pure: refusals come back as data.
 */
import { normalize } from '../flows/answers/normalize.js';
import { alwaysUnderstood } from '../flows/lexicon.js';
import { isUntranslated, pluralForms } from '../flows/locale-rules.js';
import { placeholdersIn, placeholderText } from './placeholders.js';
import { sourceLanguage, type TextCatalog } from './text-catalog.js';
import { isWordList, keyParts, listsMustDiffer, whyNotEditable } from './text-editability.js';
import type { TextRefusal } from './text-refusal.js';

/** One chat message on a phone screen; the longest shipped text has about 350 characters. */
export const maxTextLength = 1000;
export const maxWordLength = 60;
export const maxWords = 100;

/**
 * The rules for any text, shipped or edited. `dutch` gives the shipped Dutch text of a key:
 * the placeholders to keep. A plural form may leave out `{{count}}` ("the first character").
 */
export function checkWording(
  key: string,
  text: string,
  dutch: (key: string) => string | undefined,
): TextRefusal[] {
  if (!text.trim()) return [{ code: 'empty' }];
  const refusals: TextRefusal[] = [];
  if (text.length > maxTextLength) {
    refusals.push({ code: 'tooLong', value: String(text.length), expected: String(maxTextLength) });
  }
  const nested = /\$t\([^)]{0,40}\)?/.exec(text);
  if (nested) refusals.push({ code: 'nesting', value: nested[0] });
  const { names, broken } = placeholdersIn(text);
  for (const fragment of broken) refusals.push({ code: 'brokenPlaceholder', value: fragment });
  const { required, allowed } = expectedPlaceholders(key, dutch);
  const listed = required.map(placeholderText).join(' ') || '—';
  for (const name of required.filter((n) => !names.includes(n))) {
    refusals.push({ code: 'missingPlaceholder', value: placeholderText(name), expected: listed });
  }
  for (const name of names.filter((n) => !allowed.includes(n))) {
    refusals.push({
      code: 'unknownPlaceholder',
      value: placeholderText(name),
      expected: allowed.map(placeholderText).join(' ') || '—',
    });
  }
  const numbers = phoneNumbers(dutch(key) ?? '');
  for (const number of numbers.filter((n) => !phoneNumbers(text).includes(n))) {
    refusals.push({ code: 'missingNumber', value: number, expected: numbers.join(' ') });
  }
  if (isWordList(key)) refusals.push(...checkWordList(text));
  return refusals;
}

/** Numbers of three digits or more (112, 0800-0113): the help lines in the safety message. */
function phoneNumbers(text: string): string[] {
  return [...new Set(text.match(/\d{3,}(?:-\d{3,})*/g) ?? [])];
}

/**
 * The placeholders a text of `key` must keep (`required`) and may use (`allowed`): the shipped
 * Dutch text's; a plural form may leave out `{{count}}`.
 */
export function expectedPlaceholders(
  key: string,
  dutch: (key: string) => string | undefined,
): { required: string[]; allowed: string[] } {
  const { base, form } = keyParts(key);
  if (!form) {
    const names = placeholdersIn(dutch(key) ?? '').names;
    return { required: names, allowed: names };
  }
  const names = [
    ...new Set(
      pluralForms(sourceLanguage).flatMap((f) => placeholdersIn(dutch(`${base}_${f}`) ?? '').names),
    ),
  ];
  return {
    required: names.filter((n) => n !== 'count'),
    allowed: [...new Set([...names, 'count'])],
  };
}

function checkWordList(text: string): TextRefusal[] {
  if (/[\r\n]/.test(text)) return [{ code: 'lineBreakInWords' }];
  const words = text.split('|').map((w) => w.trim());
  const refusals: TextRefusal[] = [];
  if (words.some((w) => !w)) refusals.push({ code: 'emptyWord' });
  if (words.length > maxWords) {
    refusals.push({
      code: 'tooManyWords',
      value: String(words.length),
      expected: String(maxWords),
    });
  }
  for (const word of words.filter((w) => w.length > maxWordLength)) {
    refusals.push({ code: 'wordTooLong', value: word, expected: String(maxWordLength) });
  }
  return refusals;
}

export interface TextEdit {
  language: string;
  key: string;
  text: string;
}

/**
 * Everything an edit must pass before it is saved. `consentKeys`: the consent questions
 * (see `consentKeys` in text-editability.ts). Stops at the first reason the key itself cannot
 * be edited; otherwise lists every rule the text breaks.
 */
export function checkEdit(
  edit: TextEdit,
  catalog: TextCatalog,
  consentKeys: ReadonlySet<string>,
): TextRefusal[] {
  const { language, key, text } = edit;
  const { languages } = catalog;
  if (!languages.includes(language)) {
    return [{ code: 'unknownLanguage', value: language, expected: languages.join(', ') }];
  }
  if (!isKnownKey(key, catalog)) return [{ code: 'unknownKey', value: key }];
  if (!catalog.uses(language, key)) {
    const { form } = keyParts(key);
    return [
      { code: 'pluralFormNotUsed', value: form ?? '', expected: pluralForms(language).join(', ') },
    ];
  }
  const notEditable = whyNotEditable(key, consentKeys);
  if (notEditable) return [{ code: notEditable }];
  const refusals = checkWording(key, text, (k) => catalog.shippedText(sourceLanguage, k));
  if (refusals.some((r) => r.code === 'empty')) return refusals;
  const source = { nl: catalog.text('nl', key), en: catalog.text('en', key) };
  if (isUntranslated(key, language, text, source)) refusals.push({ code: 'notTranslated' });
  if (isWordList(key)) refusals.push(...clashes(edit, catalog));
  return refusals;
}

/** A plain key some language ships, or a plural form of a text some language ships. */
function isKnownKey(key: string, catalog: TextCatalog): boolean {
  const { base, form } = keyParts(key);
  const keys = catalog.keys();
  if (!form) return keys.includes(key);
  return keys.some((k) => k.startsWith(`${base}_`) && keyParts(k).base === base);
}

/** New words that another list heard in the same message already has. */
function clashes(edit: TextEdit, catalog: TextCatalog): TextRefusal[] {
  const wordsOf = (text: string | undefined) =>
    (text ?? '')
      .split('|')
      .map((w) => normalize(w))
      .filter(Boolean);
  const before = new Set(wordsOf(catalog.text(edit.language, edit.key)));
  const added = [...new Set(wordsOf(edit.text))].filter((w) => !before.has(w));
  if (added.length === 0) return [];
  const understood: readonly string[] = alwaysUnderstood;
  const heardWith = understood.includes(edit.language)
    ? catalog.languages
    : [edit.language, ...understood];
  const others = catalog.keys().filter((k) => listsMustDiffer(edit.key, k));
  const refusals: TextRefusal[] = [];
  for (const word of added) {
    const clash = others.find((other) =>
      heardWith.some((language) => wordsOf(catalog.text(language, other)).includes(word)),
    );
    if (clash) refusals.push({ code: 'wordClash', value: word, expected: clash });
  }
  return refusals;
}
