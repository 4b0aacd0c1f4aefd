/**
 * The translation keys one step shows a resident: its text, its choices' labels (yes/no and
 * the scale's labels too) and the texts its kind adds (`StepKind.keys`: the one said when no
 * verbinder can take over, the directions it may suggest). `flows:check` requires them in
 * every language; the texts editor lists them under the step.
 */
import type { Step } from './spec.js';
import { questionChoices } from './step-view.js';
import { kindOf } from './steps/index.js';

export function stepKeys(step: Step): string[] {
  const keys = [step.text, ...(kindOf(step).keys?.(step) ?? [])];
  for (const { label } of questionChoices(step)) if ('key' in label) keys.push(label.key);
  return [...new Set(keys)];
}
