/**
 * How a step looks to a resident: the numbered choices a question offers (yes/no and the
 * five-point scale are choices too) and how a saved answer reads back in a summary.
 */
import type { MessageParam } from './events.js';
import type { FlowDefinition, Step } from './spec.js';
import type { AnswerValue } from './state.js';

export interface ViewChoice {
  id: string;
  label: string;
}

export const yesNoChoices: readonly ViewChoice[] = [
  { id: 'yes', label: 'common.yes' },
  { id: 'no', label: 'common.no' },
];

export function questionChoices(step: Step): ViewChoice[] {
  switch (step.kind) {
    case 'choice':
    case 'multi':
      return step.choices.map((c) => ({ id: c.id, label: c.label }));
    case 'yesno':
      return [...yesNoChoices];
    case 'scale':
      return step.labels.map((label, i) => ({ id: String(i + 1), label }));
    default:
      return [];
  }
}

/** The step of `flow` whose answer is saved under `name`. */
export function stepSaving(flow: FlowDefinition, name: string): Step | undefined {
  return Object.entries(flow.steps).find(
    ([id, step]) => step.kind !== 'message' && (step.save ?? id) === name,
  )?.[1];
}

/** An answer as a summary shows it: choice ids become their labels. */
export function describeAnswer(
  flow: FlowDefinition,
  name: string,
  value: AnswerValue | undefined,
): MessageParam {
  if (value === undefined) return { key: 'common.notAnswered' };
  const step = stepSaving(flow, name);
  const labels = step ? questionChoices(step) : [];
  const one = (v: string): MessageParam => {
    const choice = labels.find((c) => c.id === v);
    return choice ? { key: choice.label } : { text: v };
  };
  if (Array.isArray(value)) return { list: value.map(one) };
  return one(String(value));
}
