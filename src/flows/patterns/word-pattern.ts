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
import { MatchMemo } from './match-memo.js';
import { PatternError } from '../../errors/pattern-error.js';
import { wordMatcher, type WordMatcher } from './word-matcher.js';

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

export class WordPattern {
  private readonly elements: Element[];
  /** Per required element, the first word of each alternative: one must occur somewhere. */
  readonly required: readonly (readonly WordMatcher[])[];

  constructor(readonly source: string) {
    this.elements = parse(source);
    this.required = this.elements.flatMap((e) =>
      e.kind === 'words' && !e.optional ? [e.alternatives.map((a) => a[0]!)] : [],
    );
  }

  /**
   * Every span of the message's words (folded, see foldWords) the pattern matches, left to
   * right. Pass one memo for all patterns tried on the same message; with many patterns, let
   * a `PatternSet` say which are worth trying.
   */
  spans(memo: MatchMemo): Span[] {
    const found: Span[] = [];
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
