/**
 * Understands a single choice: its number ("2"), its label in the resident's language
 * (case and accents ignored), its id (a tapped button), or an unambiguous start of a label.
 */
import { normalize } from './normalize.js';

export interface LabelledChoice {
  id: string;
  labels: string[];
}

export function parseChoice(input: string, choices: readonly LabelledChoice[]): string | null {
  const answer = normalize(input);
  if (!answer) return null;
  if (/^\d+$/.test(answer)) {
    const index = Number(answer) - 1;
    return choices[index]?.id ?? null;
  }
  const exact = choices.find(
    (c) => c.id === answer || c.labels.some((label) => normalize(label) === answer),
  );
  if (exact) return exact.id;
  if (answer.length < 3) return null;
  const starts = choices.filter((c) => c.labels.some((l) => normalize(l).startsWith(answer)));
  return starts.length === 1 ? starts[0]!.id : null;
}
