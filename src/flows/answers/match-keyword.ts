/**
 * Global keywords work at any moment, in the resident's language and always in Dutch and
 * English: "stop", "menu", "taal", "help", "verbinder", and "later" to pause. Telegram-style
 * commands ("/stop", "/taal@BloeiBot") are the same words. Which keywords there are, and
 * what they do, is the keyword registry's (`keywords/`).
 */
import { keywordEntry, keywords, type Keyword } from '../keywords/index.js';
import { alwaysUnderstood, shapedWords, type Lexicon } from '../lexicon.js';
import { editDistance, typoAllowance } from '../patterns/edit-distance.js';
import { normalize } from './normalize.js';

/**
 * The keyword a message is: one of its words exactly, or else a keyword recognised inside
 * the sentence (a request for a person), or null.
 */
export function recognizeKeyword(input: string, lexicon: Lexicon, language: string) {
  return (
    matchKeyword(input, lexicon, language) ??
    keywords.find((keyword) => keywordEntry(keyword).inSentence?.(input)) ??
    null
  );
}

export function matchKeyword(input: string, lexicon: Lexicon, language: string): Keyword | null {
  const answer = comparable(input.trim().replace(/^\/([^\s@]+)(@\S+)?$/, '$1'));
  if (!answer) return null;
  const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
  return (
    keywords.find((keyword) =>
      shapedWords(lexicon, `keywords.${keyword}`, languages, comparable).includes(answer),
    ) ?? null
  );
}

/**
 * A keyword typed with a typo ("verbindr", "taall"): a small edit distance scaled to its
 * length, never for short words ("stop"/"stap"). Only for a message that is no answer: at
 * a free-text question every message is one. Null when two keywords are as close.
 */
export function matchKeywordLoosely(
  input: string,
  lexicon: Lexicon,
  language: string,
): Keyword | null {
  const answer = comparable(input);
  if (!answer || /\d/.test(answer)) return null;
  const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
  const near = new Map<Keyword, number>();
  for (const keyword of keywords) {
    for (const word of shapedWords(lexicon, `keywords.${keyword}`, languages, comparable)) {
      const allowance = typoAllowance(Math.min(word.length, answer.length));
      if (allowance === 0) continue;
      const distance = editDistance(answer, word, allowance);
      if (distance <= allowance)
        near.set(keyword, Math.min(distance, near.get(keyword) ?? distance));
    }
  }
  const closest = Math.min(...near.values());
  const found = [...near].filter(([, d]) => d === closest);
  return found.length === 1 ? found[0]![0] : null;
}

/** Normalised, except that a keyword made of punctuation only ("?") stays itself. */
function comparable(text: string): string {
  return normalize(text) || text.trim();
}

/** A message that looks like a chat command but is not one of ours. */
export function isUnknownCommand(input: string): boolean {
  return /^\/[a-z_]\w*(@\S+)?$/i.test(input.trim());
}
