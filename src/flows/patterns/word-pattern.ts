/**
 * A small pattern language for phrases residents write in many forms. Better than fixed
 * phrases, simpler than regular expressions, and the same in every script:
 *
 * | syntax         | matches                                                              |
 * | -------------- | -------------------------------------------------------------------- |
 * | `dood`         | the word `dood` (folded: case, accents, variants; see foldWord),     |
 * |                | and from 6 letters on also with one typing mistake                   |
 * | `zelfmoord*`   | any word that starts with `zelfmoord` (stem: inflections, compounds) |
 * | `*انتحار`      | any word that ends with it (Arabic clitics: `بالانتحار`, `وانتحار`)  |
 * | `=olmek`       | exactly this word, never a typo of another                           |
 * | `(slaat|sloeg)`| one of the alternatives; an alternative may be several words         |
 * | `[niet]`       | optionally one of the alternatives                                   |
 * | `~3`           | zero to three other words in between                                 |
 * | `!(niet|geen)` | none of these words among the three words before this point          |
 *
 * Words are matched whole, in order, anywhere in the message. A pattern is compiled once
 * and reports every span it matches, so a harmless phrase can veto an overlapping one.
 */
import { editDistance } from './edit-distance.js';
import { foldWord } from './fold-words.js';

interface WordMatcher {
  text: string;
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

/** Words a guard looks back over. */
const guardWindow = 3;
/** Shortest word (in letters) that is matched with one typing mistake. */
const fuzzyFrom = 7;

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

export class WordPattern {
  private readonly elements: Element[];

  constructor(readonly source: string) {
    this.elements = parse(source);
  }

  /** Every span of `words` (folded, see foldWords) the pattern matches, left to right. */
  spans(words: readonly string[]): Span[] {
    const found: Span[] = [];
    for (let start = 0; start < words.length; start++) {
      const end = this.matchFrom(words, 0, start, start);
      if (end !== null) found.push({ start, end });
    }
    return found;
  }

  matches(words: readonly string[]): boolean {
    for (let start = 0; start < words.length; start++) {
      if (this.matchFrom(words, 0, start, start) !== null) return true;
    }
    return false;
  }

  private matchFrom(
    words: readonly string[],
    at: number,
    pos: number,
    start: number,
  ): number | null {
    const element = this.elements[at];
    if (!element) return pos > start ? pos : null;
    switch (element.kind) {
      case 'guard': {
        const before = words.slice(Math.max(0, pos - guardWindow), pos);
        if (before.some((w) => element.words.some((m) => wordMatches(m, w)))) return null;
        return this.matchFrom(words, at + 1, pos, start);
      }
      case 'gap':
        for (let skip = 0; skip <= element.max && pos + skip <= words.length; skip++) {
          const end = this.matchFrom(words, at + 1, pos + skip, start);
          if (end !== null) return end;
        }
        return null;
      case 'words': {
        for (const sequence of element.alternatives) {
          if (sequence.every((m, i) => pos + i < words.length && wordMatches(m, words[pos + i]!))) {
            const end = this.matchFrom(words, at + 1, pos + sequence.length, start);
            if (end !== null) return end;
          }
        }
        return element.optional ? this.matchFrom(words, at + 1, pos, start) : null;
      }
    }
  }
}

function wordMatches(m: WordMatcher, word: string): boolean {
  if (m.stem && m.tail) return word.includes(m.text);
  if (m.tail) return word.endsWith(m.text);
  if (m.stem) {
    if (word.startsWith(m.text)) return true;
    if (!m.fuzzy) return false;
    const n = m.text.length;
    return [n - 1, n, n + 1].some(
      (k) => k <= word.length && editDistance(word.slice(0, k), m.text, 1) <= 1,
    );
  }
  if (word === m.text) return true;
  return m.fuzzy && editDistance(word, m.text, 1) <= 1;
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
    const words = alternative.trim().split(/\s+/).filter(Boolean);
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
  return { text, stem, tail, fuzzy: !exact && !tail && Array.from(text).length >= fuzzyFrom };
}
