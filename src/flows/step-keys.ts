/**
 * The translation keys one step shows a resident: its text (and the one said when no verbinder can take over), its choices' labels (yes/no and
 * the scale's labels too) and the directions it may suggest. `flows:check` requires them in
 * every language; the texts editor lists them under the step.
 */
import type { Step } from './spec.js';
import { questionChoices } from './step-view.js';

export function stepKeys(step: Step): string[] {
  const keys = [step.text];
  if (step.kind === 'message' && step.noVerbinderText) keys.push(step.noVerbinderText);
  for (const { label } of questionChoices(step)) if ('key' in label) keys.push(label.key);
  if (step.kind === 'message') step.suggestions?.rules.forEach((r) => keys.push(r.key));
  return [...new Set(keys)];
}
