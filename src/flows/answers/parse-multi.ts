/**
 * Understands several choices in one message: "1, 3", "1 3", "tuin en koken". Every part
 * must be understood, otherwise the whole answer is asked again (nothing half-saved).
 */
import { normalize } from './normalize.js';
import { parseChoice, type LabelledChoice } from './parse-choice.js';

export function parseMulti(
  input: string,
  choices: readonly LabelledChoice[],
  conjunctions: readonly string[],
): string[] | null {
  const whole = parseChoice(input, choices);
  if (whole) return [whole];
  const joiners = conjunctions.map((w) => normalize(w)).filter(Boolean);
  let text = normalize(input);
  for (const word of joiners) text = text.split(` ${word} `).join(',');
  const parts = text
    .split(/[,;/+&\u060C\u061B]+|\s+(?=\d)|(?<=\d)\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const ids: string[] = [];
  for (const part of parts) {
    const id = parseChoice(part, choices);
    if (!id) return null;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
