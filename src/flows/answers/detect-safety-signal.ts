/**
 * Recognises words about suicide, self-harm, violence at home or acute danger, so Bloei can
 * answer with the numbers that help instead of asking the next question. Phrases are
 * maintained per language in the locales (`safety.phrases.*`, alternatives separated by `|`)
 * and matched as whole words on normalised text, in the resident's language and always in
 * Dutch and English. Single ambiguous words ("dood", "die") are deliberately not phrases.
 */
import { alwaysUnderstood, words, type Lexicon } from '../lexicon.js';
import { normalize } from './normalize.js';

export const safetyKinds = ['suicide', 'selfHarm', 'violence', 'danger'] as const;
export type SafetyKind = (typeof safetyKinds)[number];

export function detectSafetySignal(
  input: string,
  lexicon: Lexicon,
  language: string,
): SafetyKind | null {
  const text = ` ${normalize(input).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (text.trim() === '') return null;
  const languages = [language, ...alwaysUnderstood.filter((l) => l !== language)];
  for (const kind of safetyKinds) {
    const phrases = words(lexicon, `safety.phrases.${kind}`, languages);
    const hit = phrases.some((phrase) => {
      const p = normalize(phrase)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      return p !== '' && text.includes(` ${p} `);
    });
    if (hit) return kind;
  }
  return null;
}
