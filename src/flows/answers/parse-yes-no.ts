/**
 * Understands yes or no in the resident's words ("ja", "yes", "evet", …) and as the
 * numbered choices 1 (yes) and 2 (no) that the question shows.
 */
import { normalize } from './normalize.js';

export function parseYesNo(
  input: string,
  yesWords: readonly string[],
  noWords: readonly string[],
): 'yes' | 'no' | null {
  const answer = normalize(input);
  if (answer === '1' || answer === 'yes') return 'yes';
  if (answer === '2' || answer === 'no') return 'no';
  if (yesWords.some((w) => normalize(w) === answer)) return 'yes';
  if (noWords.some((w) => normalize(w) === answer)) return 'no';
  return null;
}
