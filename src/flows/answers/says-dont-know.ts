/** Whether the answer is "I don't know" in a language understood ("weet ik niet", "nie wiem"). */
import { shapedWords, type Lexicon } from '../lexicon.js';
import { normalize } from './normalize.js';

export function saysDontKnow(text: string, lexicon: Lexicon, languages: readonly string[]) {
  return shapedWords(lexicon, 'common.dontKnowWords', languages, normalize).includes(
    normalize(text),
  );
}
