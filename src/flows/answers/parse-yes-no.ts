/**
 * Understands yes or no in the resident's words ("ja", "nee hoor", "evet", "та ні", …), as
 * the numbered choices 1 (yes) and 2 (no) that the question shows, with letters stretched
 * for emphasis ("jaaa", "neee"), and at the start of a longer answer ("nee, dat klopt niet")
 * when nothing in it says the opposite ("nee, dat klopt" is asked again). Stretching only adds
 * letters: a shorter word is not one of ours ("ne", Turkish for "what", is not "nee").
 */
import { normalize } from './normalize.js';

interface Phrase {
  words: string[];
  means: 'yes' | 'no';
}

const compiled = new WeakMap<readonly string[], WeakMap<readonly string[], Phrase[]>>();

/**
 * The word lists as phrases of normalised words, longest first; worked out once per pair of
 * lists (`shapedWords` hands out the same lists until a text changes).
 */
function phrasesOf(yesWords: readonly string[], noWords: readonly string[]): Phrase[] {
  let byNo = compiled.get(yesWords);
  if (!byNo) compiled.set(yesWords, (byNo = new WeakMap()));
  let phrases = byNo.get(noWords);
  if (!phrases) {
    phrases = [
      ...yesWords.map((w) => ({ words: wordsOf(w), means: 'yes' as const })),
      ...noWords.map((w) => ({ words: wordsOf(w), means: 'no' as const })),
    ]
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    byNo.set(noWords, phrases);
  }
  return phrases;
}

export function parseYesNo(
  input: string,
  yesWords: readonly string[],
  noWords: readonly string[],
): 'yes' | 'no' | null {
  const answer = normalize(input);
  if (answer === '1' || answer === 'yes') return 'yes';
  if (answer === '2' || answer === 'no') return 'no';
  const phrases = phrasesOf(yesWords, noWords);
  const words = wordsOf(answer);
  const said = new Set<'yes' | 'no'>();
  for (let at = 0; at < words.length;) {
    const phrase = phrases.find((p) => p.words.every((w, i) => sameWord(words[at + i], w)));
    if (at === 0 && !phrase) return null;
    if (phrase) said.add(phrase.means);
    at += phrase ? phrase.words.length : 1;
  }
  return said.size === 1 ? [...said][0]! : null;
}

/** Normalised words as typed. */
function wordsOf(text: string): string[] {
  return normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The same word, maybe stretched for emphasis ("neee", "jaaa"), never shortened. */
function sameWord(typed: string | undefined, word: string): boolean {
  return typed !== undefined && typed.length >= word.length && squeeze(typed) === squeeze(word);
}

/** Letters typed twice or more counted once ("neee", "nee" → "ne"). */
const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');
