/**
 * Recognises words about suicide, self-harm, violence at home or acute danger, so Bloei can
 * answer with the numbers that help instead of asking the next question. Phrases are
 * maintained per language in the locales (`safety.phrases.*`, alternatives separated by `|`)
 * and matched as whole words on normalised text, in the resident's language and always in
 * Dutch and English. Single ambiguous words ("dood", "die") are deliberately not phrases.
 */
import { alwaysUnderstood, shapedWords, type Lexicon } from '../lexicon.js';
import { normalize } from './normalize.js';

export const safetyKinds = ['suicide', 'selfHarm', 'violence', 'danger'] as const;
export type SafetyKind = (typeof safetyKinds)[number];

export function detectSafetySignal(
  input: string,
  lexicon: Lexicon,
  language: string,
): SafetyKind | null {
  const text = ` ${wordsOnly(input)} `;
  if (text.trim() === '') return null;
  const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
  for (const kind of safetyKinds) {
    const phrases = shapedWords(lexicon, `safety.phrases.${kind}`, languages, wordsOnly);
    if (phrases.some((p) => p !== '' && text.includes(` ${p} `))) return kind;
  }
  return null;
}

/** Normalised letters and digits, single spaces between words. */
function wordsOnly(text: string): string {
  return normalize(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
