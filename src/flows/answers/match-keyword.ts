/**
 * Global keywords work at any moment, in the resident's language and always in Dutch and
 * English: "stop", "menu", "taal", "help", "verbinder", and "later" to pause. Telegram-style
 * commands ("/stop", "/taal@BloeiBot") are the same words.
 */
import { alwaysUnderstood, shapedWords, type Lexicon } from '../lexicon.js';
import { normalize } from './normalize.js';

export const keywords = [
  'stop',
  'menu',
  'language',
  'help',
  'person',
  'later',
  'continue',
  'myData',
  'forgetMe',
] as const;
export type Keyword = (typeof keywords)[number];

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

/** Normalised, except that a keyword made of punctuation only ("?") stays itself. */
function comparable(text: string): string {
  return normalize(text) || text.trim();
}

/** A message that looks like a chat command but is not one of ours. */
export function isUnknownCommand(input: string): boolean {
  return /^\/[a-z_]\w*(@\S+)?$/i.test(input.trim());
}
