/**
 * A small pattern language for phrases residents write in many forms. Better than fixed
 * phrases, simpler than regular expressions, and the same in every script:
 *
 * | syntax         | matches                                                              |
 * | -------------- | -------------------------------------------------------------------- |
 * | `dood`         | the word `dood` (folded: case, accents, variants; see foldWord),     |
 * |                | and from 7 letters on also with one typing mistake (not in Arabic    |
 * |                | script, where one letter changes the meaning: يحبني / يحبسني)        |
 * | `zelfmoord*`   | any word that starts with `zelfmoord` (stem: inflections, compounds) |
 * | `*انتحار`      | any word that ends with it (Arabic clitics: `بالانتحار`, `للانتحار`) |
 * |                | (an Arabic word also matches with و or ف written on: `وبدي`)          |
 * | `=olmek`       | exactly this word, never a typo of another                           |
 * | `(slaat|sloeg)`| one of the alternatives; an alternative may be several words         |
 * | `[niet]`       | optionally one of the alternatives                                   |
 * | `~3`           | zero to three other words in between                                 |
 * | `!(niet|geen)` | none of these words among the three words before this point          |
 *
 * Words are matched whole, in order, anywhere in the message. A pattern is compiled once
 * and reports every span it matches, so a harmless phrase can veto an overlapping one.
 */
import { withinOneEdit } from './edit-distance.js';
import { foldWord } from './fold-words.js';

interface WordMatcher {
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

type Element =
  | { kind: 'words'; alternatives: WordMatcher[][]; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'guard'; words: WordMatcher[] };

export interface Span {
  start: number;
  /** Index after the last matched word. */
  end: number;
}

/** Different words in a message up to which typos are tolerated (see MatchMemo). */
const mostWordsWithTypos = 400;
/** Pattern words longer than this are matched word by word, without the quick lookup. */
const longestPatternWord = 32;
/** Words a guard looks back over. */
const guardWindow = 3;
/** Shortest word (in letters) that is matched with one typing mistake. */
const fuzzyFrom = 7;
const arabicScript = /\p{Script=Arabic}/u;

export class PatternError extends Error {
  override readonly name = 'PatternError';
  readonly code = 'PATTERN_INVALID';
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(`${message} in pattern "${pattern}"`);
  }
}

/**
 * What each matcher said about each word of one message: patterns share matchers (the same
 * list of family members in twenty phrases), so a message's words are each tested once, and
 * a pattern whose required words occur nowhere in the message is skipped at once.
 */
export class MatchMemo {
  private readonly results = new Map<number, Int8Array>();
  private readonly present = new Map<number, boolean>();
  /** Each word position's index among the distinct words: results are kept per word. */
  private readonly distinct: number[];
  private readonly unique: string[];
  /**
   * Whether typos are tolerated: not in a message of hundreds of different words (a pasted
   * text, a 64 KiB string), where comparing every long word with every long pattern word
   * would cost seconds; exact words and stems still match there.
   */
  private readonly typos: boolean;
  private readonly whole = new Set<string>();
  private readonly starts = new Set<string>();
  private readonly ends = new Set<string>();

  constructor(readonly words: readonly string[]) {
    const seen = new Map<string, number>();
    this.distinct = words.map((w) => {
      let id = seen.get(w);
      if (id === undefined) seen.set(w, (id = seen.size));
      return id;
    });
    this.unique = [...seen.keys()];
    this.typos = this.unique.length <= mostWordsWithTypos;
    for (const word of this.unique) {
      const forms = /^[وف]../u.test(word) ? [word, word.slice(1)] : [word];
      for (const form of forms) {
        this.whole.add(form);
        // Pattern words are short: a 30,000-letter "word" needs no 30,000 prefixes.
        for (let i = 1; i <= Math.min(form.length, longestPatternWord); i++) {
          this.starts.add(form.slice(0, i));
          this.ends.add(form.slice(form.length - i));
        }
      }
    }
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

  /** Whether `m` matches any word of the message. */
  anywhere(m: WordMatcher): boolean {
    let found = this.present.get(m.id);
    if (found === undefined) {
      found = this.quickly(m) ?? this.unique.some((_, id) => this.testDistinct(m, id));
      this.present.set(m.id, found);
    }
    return found;
  }

  /** Set lookups answer most matchers; null when only a word-by-word test can tell. */
  private quickly(m: WordMatcher): boolean | null {
    if (m.stem && m.tail) return null;
    if (m.text.length > longestPatternWord) return null;
    const hit = m.tail
      ? this.ends.has(m.text)
      : m.stem
        ? this.starts.has(m.text)
        : this.whole.has(m.text);
    return hit || (m.fuzzy && this.typos) ? (hit ? true : null) : false;
  }
}

export class WordPattern {
  private readonly elements: Element[];
  /** Per required element, the first word of each alternative: one must occur somewhere. */
  private readonly required: WordMatcher[][];

  constructor(readonly source: string) {
    this.elements = parse(source);
    this.required = this.elements.flatMap((e) =>
      e.kind === 'words' && !e.optional ? [e.alternatives.map((a) => a[0]!)] : [],
    );
  }

  /**
   * Every span of the message's words (folded, see foldWords) the pattern matches, left to
   * right. Pass one memo for all patterns tried on the same message.
   */
  spans(memo: MatchMemo): Span[] {
    const found: Span[] = [];
    if (!this.required.every((firsts) => firsts.some((m) => memo.anywhere(m)))) return found;
    for (let start = 0; start < memo.words.length; start++) {
      const end = this.matchFrom(memo, 0, start, start);
      if (end !== null) found.push({ start, end });
    }
    return found;
  }

  /** Whether the pattern matches anywhere in the words. */
  matches(words: readonly string[]): boolean {
    return this.spans(new MatchMemo(words)).length > 0;
  }

  private matchFrom(memo: MatchMemo, at: number, pos: number, start: number): number | null {
    const words = memo.words;
    const element = this.elements[at];
    if (!element) return pos > start ? pos : null;
    switch (element.kind) {
      case 'guard': {
        const from = Math.max(0, pos - guardWindow);
        for (let i = from; i < pos; i++) {
          if (element.words.some((m) => memo.test(m, i))) return null;
        }
        return this.matchFrom(memo, at + 1, pos, start);
      }
      case 'gap':
        for (let skip = 0; skip <= element.max && pos + skip <= words.length; skip++) {
          const end = this.matchFrom(memo, at + 1, pos + skip, start);
          if (end !== null) return end;
        }
        return null;
      case 'words': {
        for (const sequence of element.alternatives) {
          if (sequence.every((m, i) => pos + i < words.length && memo.test(m, pos + i))) {
            const end = this.matchFrom(memo, at + 1, pos + sequence.length, start);
            if (end !== null) return end;
          }
        }
        return element.optional ? this.matchFrom(memo, at + 1, pos, start) : null;
      }
    }
  }
}

function wordMatches(m: WordMatcher, word: string, typos: boolean): boolean {
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

function parse(source: string): Element[] {
  const elements: Element[] = [];
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new PatternError('empty', source);
  for (const token of tokens) {
    if (/^~\d+$/.test(token)) {
      elements.push({ kind: 'gap', max: Number(token.slice(1)) });
    } else if (token.startsWith('!')) {
      const alternatives = alternativesOf(token.slice(1), source);
      if (alternatives.some((a) => a.length !== 1)) {
        throw new PatternError('a guard takes single words', source);
      }
      elements.push({ kind: 'guard', words: alternatives.map((a) => a[0]!) });
    } else if (token.startsWith('[')) {
      if (!token.endsWith(']')) throw new PatternError('unclosed [', source);
      elements.push({
        kind: 'words',
        alternatives: alternativesOf(token.slice(1, -1), source),
        optional: true,
      });
    } else {
      elements.push({
        kind: 'words',
        alternatives: alternativesOf(token, source),
        optional: false,
      });
    }
  }
  if (!elements.some((e) => e.kind === 'words' && !e.optional)) {
    throw new PatternError('needs at least one required word', source);
  }
  const first = elements.find((e) => e.kind !== 'guard');
  const last = elements.at(-1);
  if (first?.kind === 'gap' || last?.kind === 'gap' || last?.kind === 'guard') {
    throw new PatternError('a gap or guard must stand between words', source);
  }
  return elements;
}

/** Splits on spaces outside brackets: `(van kant|dood) ~2 [nu]` → 3 tokens. */
function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source.trim()) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth < 0) throw new PatternError('unbalanced brackets', source);
    if (/\s/.test(ch) && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (depth !== 0) throw new PatternError('unbalanced brackets', source);
  if (current) tokens.push(current);
  return tokens;
}

function alternativesOf(token: string, source: string): WordMatcher[][] {
  const body = token.startsWith('(') ? token.slice(1, token.endsWith(')') ? -1 : undefined) : token;
  if (token.startsWith('(') && !token.endsWith(')')) throw new PatternError('unclosed (', source);
  return body.split('|').map((alternative) => {
    // A hyphen separates words in a message ("кем-то", "e-mail"), so it does in a pattern.
    const words = alternative
      .trim()
      .split(/[\s-]+/)
      .filter(Boolean);
    if (words.length === 0) throw new PatternError('empty alternative', source);
    return words.map((w) => wordMatcher(w, source));
  });
}

function wordMatcher(raw: string, source: string): WordMatcher {
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

const interned = new Map<string, WordMatcher>();
