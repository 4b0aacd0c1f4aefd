/**
 * The engine's questions to the phrase book: is this message a crisis, or does it tell of a
 * concern a verbinder could help with? Every language is checked, whatever the chat's.
 */
import { phraseBook } from './phrases/index.js';
import type { ConcernKind, CrisisKind, PhraseMatch } from './phrase-book.js';

export function detectCrisis(text: string): PhraseMatch<CrisisKind> | null {
  return phraseBook.findCrisis(text);
}

export function detectConcern(text: string): PhraseMatch<ConcernKind> | null {
  return phraseBook.findConcern(text);
}
