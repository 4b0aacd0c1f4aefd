/**
 * Many patterns tried on one message, as the phrase book does on every message: only the
 * patterns whose required words all occur in it are tried word by word. Which words occur
 * is looked up once per message in a `MatcherIndex` of every pattern's required words, and
 * only the patterns anchored on a word that occurs are looked at: none, for most messages.
 */
import { MatcherIndex } from './matcher-index.js';
import type { MatchMemo } from './match-memo.js';
import type { Span, WordPattern } from './word-pattern.js';

export class PatternSet {
  private readonly index: MatcherIndex;
  /** Per pattern, per required element: the index positions of its first words. */
  private readonly required: number[][][];
  /** Per index position, the patterns whose first required element it can satisfy. */
  private readonly anchored: number[][];

  constructor(readonly patterns: readonly WordPattern[]) {
    this.index = new MatcherIndex(patterns.flatMap((p) => p.required.flat()));
    const position = new Map(this.index.matchers.map((m, i) => [m.id, i]));
    this.required = patterns.map((p) =>
      p.required.map((firsts) => firsts.map((m) => position.get(m.id)!)),
    );
    this.anchored = this.index.matchers.map(() => []);
    this.required.forEach((groups, p) => {
      for (const i of new Set(groups[0])) this.anchored[i]!.push(p);
    });
  }

  /** Positions of the patterns that may match the message (all others cannot), in order. */
  candidates(memo: MatchMemo): number[] {
    const hit = this.index.hits(memo.distinctWords, memo.typos);
    const anchored = new Uint8Array(this.patterns.length);
    let any = false;
    for (let i = 0; i < hit.length; i++) {
      if (hit[i] === 0) continue;
      for (const p of this.anchored[i]!) anchored[p] = 1;
      any = true;
    }
    const found: number[] = [];
    if (!any) return found;
    for (let p = 0; p < anchored.length; p++) {
      if (anchored[p] === 1 && this.required[p]!.every((g) => g.some((i) => hit[i] === 1))) {
        found.push(p);
      }
    }
    return found;
  }

  /** The patterns that match the message, in order, with their spans: lazily, to stop early. */
  *matching(memo: MatchMemo): Generator<{ position: number; spans: Span[] }> {
    for (const position of this.candidates(memo)) {
      const spans = this.patterns[position]!.spans(memo);
      if (spans.length > 0) yield { position, spans };
    }
  }
}
