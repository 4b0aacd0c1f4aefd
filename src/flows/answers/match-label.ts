/**
 * Finds the choice an answer means from its words, the way residents type them: any
 * unambiguous part of a label ("lopend", "tuin"), an inflected or shortened word ("сад" for
 * "саду"), a typo scaled to the word's length ("talentscan"), Arabic words with a clitic
 * written on ("والحديقة" for "بالحديقة"). Numbers are never corrected. When the words fit
 * several choices equally well, all of them are returned, so the resident can be asked.
 */
import { editDistance, typoAllowance } from '../patterns/edit-distance.js';
import { foldWords } from '../patterns/fold-words.js';

export interface LabelledChoice {
  id: string;
  labels: string[];
}

export type LabelMatch = { found: string } | { ambiguous: string[] } | null;

/** How well one answer word fits one label word. */
const exact = 3;
const shortened = 2;
const typo = 1;

/** Answer words shorter than this may be left unmatched ("de", "in", "ik"). */
const mustMatchFrom = 4;

/** Labels are short: an answer of more words than this is a story, not a choice. */
const mostWords = 12;
/** No label word is longer; a longer "word" is no typo of one. */
const longestWord = 40;

export function matchLabel(input: string, choices: readonly LabelledChoice[]): LabelMatch {
  const words = foldWords(input);
  if (words.length === 0 || words.length > mostWords) return null;
  if (words.some((w) => w.length > longestWord)) return null;
  const scored = choices
    .map((choice) => ({
      id: choice.id,
      score: Math.max(0, ...choice.labels.map((label) => negationAware(words, folded(label)))),
    }))
    .filter((c) => c.score > 0);
  if (scored.length === 0) return null;
  const best = Math.max(...scored.map((c) => c.score));
  const top = scored.filter((c) => c.score === best).map((c) => c.id);
  return top.length === 1 ? { found: top[0]! } : { ambiguous: top };
}

/**
 * Words that turn a label around ("niet mee eens", "nie zgadzam", "не погоджуюся", "لا أوافق",
 * "ne … ne", "neither … nor"), folded; not Arabic "ما", which is also "some" in "إلى حد ما".
 * "I agree" fits "I don't agree" word for word, so a label with such a word the answer lacks
 * ranks just below one without.
 */
const negations = new Set(
  [
    'niet',
    'geen',
    'not',
    'neither',
    'nor',
    'nie',
    'ani',
    'не',
    'ні',
    'ни',
    'لا',
    'مش',
    'ne',
    'hiç',
    'değil',
  ].map((w) => foldWords(w)[0]!),
);

function negationAware(answer: readonly string[], label: readonly string[]): number {
  const score = labelScore(answer, label);
  const turned = label.some((w) => negations.has(w) && !answer.includes(w));
  return score > 0 && turned ? score - 0.5 : score;
}

/** 0 unless every longer answer word fits a word of the label; else the sum of the fits. */
function labelScore(answer: readonly string[], label: readonly string[]): number {
  let total = 0;
  for (const word of answer) {
    const fit = Math.max(0, ...label.map((l) => wordFit(word, l)));
    if (fit === 0 && (word.length >= mustMatchFrom || answer.length === 1)) return 0;
    total += fit;
  }
  return total;
}

function wordFit(answer: string, label: string): number {
  let best = 0;
  for (const a of cores(answer)) {
    for (const l of cores(label)) best = Math.max(best, fit(a, l));
  }
  return best;
}

function fit(a: string, l: string): number {
  if (a === l) return exact;
  if (/\d/.test(a) || /\d/.test(l)) return 0;
  if (a.length >= 3 && l.startsWith(a)) return shortened;
  if (l.length >= 4 && a.startsWith(l) && a.length - l.length <= 3) return shortened;
  const allowance = typoAllowance(Math.min(a.length, l.length));
  if (allowance > 0 && editDistance(a, l, allowance) <= allowance) return typo;
  // Inflected forms share the stem and differ at the end: "готуванням"/"готування".
  const stem = commonPrefix(a, l);
  if (stem >= 4 && stem >= Math.min(a.length, l.length) - 2) return typo;
  return 0;
}

const foldedLabels = new Map<string, string[]>();

/** A label's folded words, worked out once: the same labels are compared on every answer. */
function folded(label: string): string[] {
  let words = foldedLabels.get(label);
  if (!words) {
    if (foldedLabels.size > 5000) foldedLabels.clear();
    foldedLabels.set(label, (words = foldWords(label)));
  }
  return words;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const arabic = /\p{Script=Arabic}/u;

/**
 * An Arabic word without the clitics written onto it: a conjunction (و، ف), a preposition
 * (ب، ل، ك) and the article (ال), so "والحديقة", "بالحديقة" and "حديقة" meet.
 */
function cores(word: string): string[] {
  if (!arabic.test(word)) return [word];
  const forms = new Set([word]);
  let w = word;
  if (/^[وف]../u.test(w)) forms.add((w = w.slice(1)));
  if (/^[بلك]../u.test(w)) forms.add((w = w.slice(1)));
  if (/^ال../u.test(w)) forms.add(w.slice(2));
  if (/^لل../u.test(word)) forms.add(word.slice(2));
  return [...forms];
}
