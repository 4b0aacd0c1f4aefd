/**
 * A message's words, folded and indexed once for every pattern tried on it.
 */
import { foldWords } from './fold-words.js';
import { wordMatches, type WordMatcher } from './word-matcher.js';

/** Different words in a message up to which typos are tolerated (see MatchMemo). */
const mostWordsWithTypos = 400;

/**
 * What each matcher said about each word of one message: patterns share matchers (the same
 * list of family members in twenty phrases), so a message's words are each tested once.
 * Which patterns are worth trying at all is `PatternSet`'s business.
 */
export class MatchMemo {
  private static last: { text: string; memo: MatchMemo } | null = null;

  /**
   * The memo of a message's text: the engine asks about one message several times (crisis,
   * concern, a request for a person), and folds and indexes it once.
   */
  static of(text: string): MatchMemo {
    if (MatchMemo.last?.text !== text) {
      MatchMemo.last = { text, memo: new MatchMemo(foldWords(text)) };
    }
    return MatchMemo.last.memo;
  }

  private readonly results = new Map<number, Int8Array>();
  /** Each word position's index among the distinct words: results are kept per word. */
  private readonly distinct: number[];
  private readonly unique: string[];
  /**
   * Whether typos are tolerated: not in a message of hundreds of different words (a pasted
   * text, a 64 KiB string), where comparing every long word with every long pattern word
   * would cost seconds; exact words and stems still match there.
   */
  readonly typos: boolean;

  constructor(readonly words: readonly string[]) {
    const seen = new Map<string, number>();
    this.distinct = words.map((w) => {
      let id = seen.get(w);
      if (id === undefined) seen.set(w, (id = seen.size));
      return id;
    });
    this.unique = [...seen.keys()];
    this.typos = this.unique.length <= mostWordsWithTypos;
  }

  /** The message's different words, each once. */
  get distinctWords(): readonly string[] {
    return this.unique;
  }

  test(m: WordMatcher, index: number): boolean {
    return this.testDistinct(m, this.distinct[index]!);
  }

  private testDistinct(m: WordMatcher, id: number): boolean {
    let row = this.results.get(m.id);
    if (!row) this.results.set(m.id, (row = new Int8Array(this.unique.length)));
    if (row[id] === 0) row[id] = wordMatches(m, this.unique[id]!, this.typos) ? 1 : -1;
    return row[id] === 1;
  }
}
