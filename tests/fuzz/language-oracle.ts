/**
 * Decides whether a reply is in a given language, from the locale files alone (no product
 * code): every fixed piece of every text (split at `{{params}}` and line breaks, at least
 * eight characters) is indexed with the languages whose texts contain it. A reply is in
 * language L when it contains some piece of L's texts and no piece that only other
 * languages have; Arabic and Ukrainian replies must also contain their own script. Word
 * lists (`a|b|c`: keywords, yes/no words, safety phrases) are not messages and are skipped.
 */
import { localeTable } from '../support/locale-lexicon.js';

interface Piece {
  text: string;
  /** Languages with a text that contains this piece. */
  languages: Set<string>;
}

const minPiece = 8;
const scripts: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
};

export interface LanguageOracle {
  languages: readonly string[];
  /**
   * Why `text` is not in `language`, or null when it is. `echoed` tells whether a piece of
   * text is the resident's own words (a summary quotes their answers).
   */
  problem(text: string, language: string, echoed?: (piece: string) => boolean): string | null;
}

export function createLanguageOracle(
  table: Record<string, Record<string, string>> = localeTable,
): LanguageOracle {
  const languages = Object.keys(table).sort();
  const messages = Object.fromEntries(
    languages.map((l) => [l, Object.values(table[l] ?? {}).filter((v) => !v.includes('|'))]),
  );
  const pieces = new Map<string, Piece>();
  for (const language of languages) {
    for (const value of messages[language] ?? []) {
      for (const part of value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|\n/)) {
        const text = part.trim();
        if (text.length >= minPiece && !pieces.has(text)) {
          pieces.set(text, { text, languages: new Set() });
        }
      }
    }
  }
  for (const piece of pieces.values()) {
    for (const language of languages) {
      if ((messages[language] ?? []).some((v) => v.includes(piece.text))) {
        piece.languages.add(language);
      }
    }
  }
  // Indexed by their first characters, so a reply is scanned once instead of once per piece.
  const index = new Map<string, Piece[]>();
  for (const piece of pieces.values()) {
    const key = piece.text.slice(0, minPiece);
    index.set(key, [...(index.get(key) ?? []), piece]);
  }

  const found = (text: string): Piece[] => {
    const hits: Piece[] = [];
    for (let i = 0; i + minPiece <= text.length; i++) {
      for (const piece of index.get(text.slice(i, i + minPiece)) ?? []) {
        if (text.startsWith(piece.text, i)) hits.push(piece);
      }
    }
    return hits;
  };

  return {
    languages,
    problem(text, language, echoed = () => false) {
      if (!languages.includes(language)) return `unknown language ${language}`;
      const hits = found(text);
      if (!hits.some((p) => p.languages.has(language))) {
        return `contains no text of the ${language} locale`;
      }
      const foreign = hits.find((p) => !p.languages.has(language) && !echoed(p.text));
      if (foreign) {
        return `contains ${[...foreign.languages].join('/')} text ${JSON.stringify(foreign.text)}`;
      }
      const script = scripts[language];
      if (script && !script.test(text)) return `contains no ${language} script`;
      return null;
    },
  };
}
