/**
 * The engine's window on translations: it needs choice labels and word lists (yes/no,
 * keywords) to understand answers, but may not import i18next. The host passes a function.
 */
export interface Lexicon {
  /** The text of `key` in `language`, or undefined when the key has no text there. */
  text(key: string, language: string): string | undefined;
  /**
   * Changes whenever a text may have changed (a coordinator's edit), so word lists worked out
   * from the texts are worked out again. A lexicon without it never changes.
   */
  readonly revision?: number;
}

/** Languages whose keywords always work, whatever language the resident chose. */
export const alwaysUnderstood = ['nl', 'en'] as const;

/** A word list is one text with alternatives separated by `|`. */
export function words(lexicon: Lexicon, key: string, languages: readonly string[]): string[] {
  return languages.flatMap((lng) =>
    (lexicon.text(key, lng) ?? '')
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  );
}

const shapedCache = new WeakMap<
  (word: string) => string,
  WeakMap<Lexicon, { revision: number | undefined; lists: Map<string, string[]> }>
>();

const asWritten = (word: string) => word;

/**
 * `words`, each passed through `shape` (e.g. normalised for comparison; as written when none
 * is given), worked out once per lexicon and revision: answers are compared with the same
 * lists on every message, and the same list is handed out until a text changes.
 */
export function shapedWords(
  lexicon: Lexicon,
  key: string,
  languages: readonly string[],
  shape: (word: string) => string = asWritten,
): readonly string[] {
  let byLexicon = shapedCache.get(shape);
  if (!byLexicon) shapedCache.set(shape, (byLexicon = new WeakMap()));
  let cached = byLexicon.get(lexicon);
  if (!cached || cached.revision !== lexicon.revision) {
    byLexicon.set(lexicon, (cached = { revision: lexicon.revision, lists: new Map() }));
  }
  const { lists } = cached;
  const id = `${key}\u0000${languages.join(',')}`;
  let list = lists.get(id);
  if (!list) lists.set(id, (list = words(lexicon, key, languages).map(shape)));
  return list;
}
