/**
 * One word of a pattern, and whether a word of a message fits it: exactly, as a stem
 * (`word*`), as an ending (`*word`), with one typing mistake from seven letters (not in
 * Arabic script), and for Arabic also with the conjunction و or ف written on. Matchers are
 * interned, so the same word in many patterns is tested once per message word.
 */
import { PatternError } from '../../errors/pattern-error.js';
import { withinOneEdit } from './edit-distance.js';
import { foldWord } from './fold-words.js';

export interface WordMatcher {
  /** Interned: the same word written in many patterns is one matcher, tested once per word. */
  id: number;
  text: string;
  /** Arabic: also with the conjunction و or ف written onto the word (وبدي, فبدي). */
  conjunction: boolean;
  /** `word*`: any ending. */
  stem: boolean;
  /** `*word`: any beginning. */
  tail: boolean;
  /** One typing mistake allowed. */
  fuzzy: boolean;
}

/** Shortest word (in letters) that is matched with one typing mistake. */
const fuzzyFrom = 7;
const arabicScript = /\p{Script=Arabic}/u;
const interned = new Map<string, WordMatcher>();

export function wordMatcher(raw: string, source: string): WordMatcher {
  const exact = raw.startsWith('=');
  const word = exact ? raw.slice(1) : raw;
  const tail = word.startsWith('*');
  const stem = word.endsWith('*') && word.length > 1;
  const text = foldWord(word.replace(/^\*|\*$/g, ''));
  if (!/^[\p{L}\p{N}]+$/u.test(text)) throw new PatternError(`"${raw}" is not a word`, source);
  const arabic = arabicScript.test(text);
  const fuzzy = !exact && !tail && Array.from(text).length >= fuzzyFrom && !arabic;
  const key = `${text}|${stem}|${tail}|${fuzzy}`;
  let matcher = interned.get(key);
  if (!matcher) {
    matcher = { id: interned.size + 1, text, stem, tail, fuzzy, conjunction: arabic && !tail };
    interned.set(key, matcher);
  }
  return matcher;
}

export function wordMatches(m: WordMatcher, word: string, typos: boolean): boolean {
  if (matchesWord(m, word, typos)) return true;
  return m.conjunction && /^[وف]../u.test(word) && matchesWord(m, word.slice(1), typos);
}

function matchesWord(m: WordMatcher, word: string, typos: boolean): boolean {
  const fuzzy = m.fuzzy && typos;
  if (m.stem && m.tail) return word.includes(m.text);
  if (m.tail) return word.endsWith(m.text);
  if (m.stem) {
    if (word.startsWith(m.text)) return true;
    if (!fuzzy || word.length < m.text.length - 1 || !sameStart(word, m.text)) return false;
    const n = m.text.length;
    return [n - 1, n, n + 1].some(
      (k) => k <= word.length && withinOneEdit(word.slice(0, k), m.text),
    );
  }
  if (word === m.text) return true;
  return fuzzy && sameStart(word, m.text) && withinOneEdit(word, m.text);
}

/**
 * A cheap necessary condition for one typing mistake: the first two letters cannot both be
 * changed, so one of them is in place or the two are swapped or shifted by one.
 */
function sameStart(word: string, text: string): boolean {
  return word[0] === text[0] || word[1] === text[1] || word[1] === text[0] || word[0] === text[1];
}
