/**
 * Understands several choices in one message: "1, 3", "1 3", "tuin en koken", "готування,
 * сад", "الطبخ والحديقة". Every part must be understood, otherwise the whole answer is asked
 * again (nothing half-saved); a part that fits several choices is asked about, keeping the
 * parts already understood.
 */
import { normalize } from './normalize.js';
import { matchChoice, type LabelledChoice } from './parse-choice.js';

export type MultiMatch = { found: string[] } | { ambiguous: string[]; keep: string[] } | null;

export function matchMulti(
  input: string,
  choices: readonly LabelledChoice[],
  conjunctions: readonly string[],
): MultiMatch {
  // Parts first: in "готування, сад" the whole line also fits one label, missing a choice.
  const parts = splitParts(input, conjunctions);
  const split = parts.length > 1 ? matchParts(parts, choices) : null;
  if (split && 'found' in split) return split;
  const whole = matchChoice(input, choices);
  if (whole && 'found' in whole) return { found: [whole.found] };
  const words = parts.length === 1 ? matchParts(parts, choices) : null;
  if (words) return words;
  if (split) return split;
  return whole ? { ambiguous: whole.ambiguous, keep: [] } : null;
}

/** The choices the input means, or null when a part means none or several. */
export function parseMulti(
  input: string,
  choices: readonly LabelledChoice[],
  conjunctions: readonly string[],
): string[] | null {
  const match = matchMulti(input, choices, conjunctions);
  return match && 'found' in match ? match.found : null;
}

function splitParts(input: string, conjunctions: readonly string[]): string[] {
  const joiners = conjunctions.map((w) => normalize(w)).filter(Boolean);
  let text = normalize(input);
  for (const word of joiners) text = text.split(` ${word} `).join(',');
  return text
    .split(/[,;/+&\u060C\u061B]+|\s+(?=\d)|(?<=\d)\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function matchParts(parts: string[], choices: readonly LabelledChoice[]): MultiMatch {
  // Each part is a different choice: more parts than choices is no list of choices.
  if (parts.length === 0 || parts.length > choices.length * 2) return null;
  const ids: string[] = [];
  let unsure: string[] | null = null;
  for (const part of parts) {
    const match = matchChoice(part, choices);
    const found = match && 'found' in match ? [match.found] : wordByWord(part, choices);
    if (found) {
      for (const id of found) if (!ids.includes(id)) ids.push(id);
    } else if (match && 'ambiguous' in match && !unsure) {
      unsure = match.ambiguous;
    } else return null;
  }
  return unsure ? { ambiguous: unsure, keep: ids } : { found: ids };
}

/** "tuin koken": a part without separators whose words are each a choice. */
function wordByWord(part: string, choices: readonly LabelledChoice[]): string[] | null {
  const words = part.split(/\s+/);
  if (words.length < 2 || words.length > choices.length) return null;
  const ids: string[] = [];
  for (const word of words) {
    const match = matchChoice(word, choices);
    if (!match || !('found' in match)) return null;
    ids.push(match.found);
  }
  return ids;
}
