/** Whether the answer is "I don't know" in a language understood ("weet ik niet", "nie wiem"). */
import { words, type Lexicon } from '../lexicon.js';
import { normalize } from './normalize.js';

export function saysDontKnow(text: string, lexicon: Lexicon, languages: readonly string[]) {
  return words(lexicon, 'common.dontKnowWords', languages).map(normalize).includes(normalize(text));
}
