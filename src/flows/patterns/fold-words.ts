/**
 * Turns a message into the words a pattern is matched against, so that the same word
 * written in different ways compares equal: case, accents and diacritics (Arabic harakat
 * too), Arabic alef/ya/ta marbuta/hamza variants, Turkish dotted and dotless i, Polish ł,
 * Ukrainian and Russian letter variants (і/и/ы, є/е/э, ї, ґ, ё, й) and apostrophes
 * inside words (б'є, don't, m'n), Latin look-alike letters typed inside a Cyrillic word,
 * letters repeated for emphasis ("doooood"). Patterns pass through the same folding, so an
 * author writes words the normal way and every variant matches.
 */
import { sanitize, toAsciiDigits } from '../answers/normalize.js';

const letterMap: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  // Arabic: alef maqsura and Persian ya → ya, ta marbuta → ha, Persian kaf → kaf,
  // wasla alef → alef, lone hamza and tatweel dropped.
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
  ٱ: 'ا',
  ء: '',
  ـ: '',
  // Ukrainian and Russian: one skeleton for letters residents swap between keyboards.
  і: 'и',
  ы: 'и',
  є: 'е',
  э: 'е',
  ґ: 'г',
  ъ: '',
};

/** Latin letters that look like Cyrillic ones, typed inside a Cyrillic word. */
const cyrillicLookAlikes: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'и',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
};

const apostrophes = /['’ʼ`´‘]/g;
const mapped = new RegExp(`[${Object.keys(letterMap).join('')}]`, 'gu');
const lookAlike = new RegExp(`[${Object.keys(cyrillicLookAlikes).join('')}]`, 'g');
const marks = /\p{M}/gu;
const cyrillic = /\p{Script=Cyrillic}/u;

/** Folds one word (letters only; no spaces) to the form patterns are compared in. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII already: only stretched letters to fold.
  if (/^[a-z0-9]*$/.test(lower)) return lower.replace(/([a-z])\1{2,}/g, '$1$1');
  let folded = lower
    .normalize('NFKD')
    .replace(marks, '')
    .replace(apostrophes, '')
    .replace(mapped, (ch) => letterMap[ch]!);
  if (cyrillic.test(folded)) folded = folded.replace(lookAlike, (ch) => cyrillicLookAlikes[ch]!);
  // "doooood", "helpppp": a letter typed three or more times counts twice.
  return folded.replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** The folded words of a message, in order. */
export function foldWords(text: string): string[] {
  const clean = toAsciiDigits(sanitize(text)).replace(
    /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g,
    '',
  );
  return clean
    .split(/[^\p{L}\p{M}\p{N}'’ʼ`´‘]+/u)
    .map((w) => foldWord(w.replace(/^['’ʼ`´‘]+|['’ʼ`´‘]+$/g, '')))
    .filter(Boolean);
}
