/**
 * Which of a fixed set of word matchers match some word of a message, found from the
 * message's words instead of by trying every matcher: a lookup per word and per beginning
 * and ending of it. A message has a handful of words, the phrase book hundreds of matchers.
 * The answer is exactly `wordMatches` over every matcher and word, only cheaper.
 */
import { wordMatches, type WordMatcher } from './word-matcher.js';

/** An Arabic word with the conjunction و or ف written on (see WordMatcher.conjunction). */
const withConjunction = /^[وف]../u;

export class MatcherIndex {
  /** The distinct matchers; `hits` answers by position in this list. */
  readonly matchers: readonly WordMatcher[];
  private readonly whole = new Map<string, number[]>();
  private readonly stems = new Map<string, number[]>();
  private readonly tails = new Map<string, number[]>();
  /** `*word*` matchers: any word containing the text (few; tested one by one). */
  private readonly inner: number[] = [];
  /** Whole words that allow a typing mistake, by length: a word is one letter off at most. */
  private readonly fuzzyWords = new Map<number, number[]>();
  /** Stems that allow a typing mistake, shortest first: a word is at most one letter shorter. */
  private readonly fuzzyStems: number[] = [];
  private readonly longestStem: number;
  private readonly longestTail: number;

  constructor(matchers: Iterable<WordMatcher>) {
    const byId = new Map<number, WordMatcher>();
    for (const m of matchers) byId.set(m.id, m);
    this.matchers = [...byId.values()];
    this.matchers.forEach((m, i) => {
      if (m.stem && m.tail) this.inner.push(i);
      else add(m.tail ? this.tails : m.stem ? this.stems : this.whole, m.text, i);
      if (m.fuzzy && m.stem) this.fuzzyStems.push(i);
      else if (m.fuzzy) add(this.fuzzyWords, m.text.length, i);
    });
    this.fuzzyStems.sort((a, b) => this.matchers[a]!.text.length - this.matchers[b]!.text.length);
    const lengths = (map: Map<string, number[]>) => [...map.keys()].map((k) => k.length);
    this.longestStem = Math.max(0, ...lengths(this.stems));
    this.longestTail = Math.max(0, ...lengths(this.tails));
  }

  /**
   * Per matcher (by position), 1 when it matches at least one of `words` (folded, distinct),
   * with typing mistakes only when `typos`.
   */
  hits(words: readonly string[], typos: boolean): Uint8Array {
    const hit = new Uint8Array(this.matchers.length);
    for (const word of words) {
      this.lookUp(word, hit, false);
      if (withConjunction.test(word)) this.lookUp(word.slice(1), hit, true);
      this.test(this.inner, word, typos, hit);
      if (!typos) continue;
      for (let n = word.length - 1; n <= word.length + 1; n++) {
        this.test(this.fuzzyWords.get(n), word, typos, hit);
      }
      for (const i of this.fuzzyStems) {
        if (this.matchers[i]!.text.length > word.length + 1) break;
        if (!hit[i] && wordMatches(this.matchers[i]!, word, typos)) hit[i] = 1;
      }
    }
    return hit;
  }

  private test(positions: number[] | undefined, word: string, typos: boolean, hit: Uint8Array) {
    if (!positions) return;
    for (const i of positions) {
      if (!hit[i] && wordMatches(this.matchers[i]!, word, typos)) hit[i] = 1;
    }
  }

  /** Exact words, stems and endings; with `conjunction`, only matchers that allow it. */
  private lookUp(word: string, hit: Uint8Array, conjunction: boolean): void {
    this.mark(this.whole.get(word), hit, conjunction);
    for (let k = Math.min(word.length, this.longestStem); k >= 1; k--) {
      this.mark(this.stems.get(word.slice(0, k)), hit, conjunction);
    }
    for (let k = Math.min(word.length, this.longestTail); k >= 1; k--) {
      this.mark(this.tails.get(word.slice(word.length - k)), hit, conjunction);
    }
  }

  private mark(positions: number[] | undefined, hit: Uint8Array, conjunction: boolean): void {
    if (!positions) return;
    for (const i of positions) {
      if (!conjunction || this.matchers[i]!.conjunction) hit[i] = 1;
    }
  }
}

function add<K>(map: Map<K, number[]>, key: K, position: number): void {
  const positions = map.get(key);
  if (positions) positions.push(position);
  else map.set(key, [position]);
}
