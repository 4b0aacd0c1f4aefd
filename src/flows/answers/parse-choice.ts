/**
 * Understands a single choice: its number ("2"), its label in the resident's language (case
 * and accents ignored), its id (a tapped button), or its words as residents type them — any
 * unambiguous part, shortened or with a typo (see matchLabel). When the words fit several
 * choices, `matchChoice` says which, so the resident can be asked.
 */
import { matchLabel, type LabelMatch, type LabelledChoice } from './match-label.js';
import { normalize } from './normalize.js';

export type { LabelledChoice, LabelMatch };

export function matchChoice(input: string, choices: readonly LabelledChoice[]): LabelMatch {
  const answer = normalize(input);
  if (!answer) return null;
  if (/^\d+$/.test(answer)) {
    const choice = choices[Number(answer) - 1];
    return choice ? { found: choice.id } : null;
  }
  const whole = choices.find(
    (c) => c.id === answer || c.labels.some((label) => normalize(label) === answer),
  );
  if (whole) return { found: whole.id };
  return matchLabel(input, choices);
}

/** The one choice the input means, or null when it means none or several. */
export function parseChoice(input: string, choices: readonly LabelledChoice[]): string | null {
  const match = matchChoice(input, choices);
  return match && 'found' in match ? match.found : null;
}
