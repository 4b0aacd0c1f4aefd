/**
 * The words for danger and need, per language, compiled once: crisis phrases (suicide,
 * self-harm, violence at home, acute danger) that get the crisis numbers at once, concern
 * phrases (loneliness, debts, no home, no food) that get a gentle offer of a verbinder, and
 * harmless phrases that use the same words ("ik ben dood op", "I could kill for a coffee",
 * someone else's story) and cancel a match they overlap. The data lives in `phrases/<lng>.ts`,
 * written in the pattern language of `WordPattern`; see the README in this folder.
 */
import { MatchMemo } from '../patterns/match-memo.js';
import { PatternSet } from '../patterns/pattern-set.js';
import { WordPattern, type Span } from '../patterns/word-pattern.js';

export const crisisKinds = ['suicide', 'selfHarm', 'violence', 'danger'] as const;
export type CrisisKind = (typeof crisisKinds)[number];

export const concernKinds = ['loneliness', 'debts', 'homeless', 'food'] as const;
export type ConcernKind = (typeof concernKinds)[number];

/** One language's phrases, as written by its authors (pattern sources). */
export interface LanguagePhrases {
  language: string;
  crisis: Record<CrisisKind, readonly string[]>;
  concerns: Record<ConcernKind, readonly string[]>;
  harmless: readonly string[];
}

/** What was recognised: the kind, and the language and pattern that found it. */
export interface PhraseMatch<K extends string> {
  kind: K;
  language: string;
  pattern: string;
}

interface Compiled<K extends string> {
  kind: K;
  language: string;
  pattern: WordPattern;
}

/** Patterns in the order they are tried, with the set that says which can match a message. */
interface Entries<K extends string> {
  list: Compiled<K>[];
  set: PatternSet;
}

export class PhraseBook {
  private readonly crisis: Entries<CrisisKind>;
  private readonly concerns: Entries<ConcernKind>;
  private readonly harmless: PatternSet;

  /** Compiles every pattern; a pattern that does not parse throws a `PatternError` here. */
  constructor(readonly languages: readonly LanguagePhrases[]) {
    this.crisis = entries(
      crisisKinds,
      languages.flatMap((l) => compile(l.language, crisisKinds, l.crisis)),
    );
    this.concerns = entries(
      concernKinds,
      languages.flatMap((l) => compile(l.language, concernKinds, l.concerns)),
    );
    this.harmless = new PatternSet(
      languages.flatMap((l) => l.harmless.map((p) => new WordPattern(p))),
    );
  }

  /** The first crisis kind (in `crisisKinds` order) found in `text`, in any language. */
  findCrisis(text: string): PhraseMatch<CrisisKind> | null {
    return this.find(text, this.crisis);
  }

  /** The first concern kind found in `text`, in any language. */
  findConcern(text: string): PhraseMatch<ConcernKind> | null {
    return this.find(text, this.concerns);
  }

  private find<K extends string>(text: string, entries: Entries<K>): PhraseMatch<K> | null {
    const memo = MatchMemo.of(text);
    if (memo.words.length === 0) return null;
    let vetoes: Span[] | null = null;
    for (const { position, spans } of entries.set.matching(memo)) {
      const entry = entries.list[position]!;
      vetoes ??= [...this.harmless.matching(memo)].flatMap((h) => h.spans);
      const vetoed = (s: Span) => vetoes!.some((v) => v.start < s.end && s.start < v.end);
      if (spans.some((s) => !vetoed(s))) {
        return { kind: entry.kind, language: entry.language, pattern: entry.pattern.source };
      }
    }
    return null;
  }
}

function compile<K extends string>(
  language: string,
  kinds: readonly K[],
  lists: Record<K, readonly string[]>,
): Compiled<K>[] {
  return kinds.flatMap((kind) =>
    lists[kind].map((source) => ({ kind, language, pattern: new WordPattern(source) })),
  );
}

/** The most serious kind first, whatever language its phrase is in. */
function entries<K extends string>(kinds: readonly K[], compiled: Compiled<K>[]): Entries<K> {
  const list = [...compiled].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return { list, set: new PatternSet(list.map((e) => e.pattern)) };
}
