/**
 * How a step looks to a resident: the numbered choices a question offers (yes/no and the
 * five-point scale are choices too, see the kinds in `steps/`) and how a saved answer reads
 * back in a summary.
 */
import type { MessageParam } from './events.js';
import type { ChoiceSetName } from './definition-fields.js';
import type { FlowDefinition } from './spec.js';
import { dontKnow, type AnswerValue } from './state.js';
import { isQuestion, kindOf, type Step } from './steps/index.js';

/** A choice as shown: a translatable label, or a name that is the same in every language. */
export interface ViewChoice {
  id: string;
  label: { key: string } | { text: string };
}

/**
 * One choice of a set given at run time: shown by its `name` (the same in every language, a
 * wijk's or an offer's), or by the text of `key` when it has one (an interest).
 */
export interface SetChoice {
  id: string;
  name: string;
  key?: string;
}

/** Choice sets the host supplies at run time, e.g. the wijken: `{ id, name }` per entry. */
export type ChoiceSets = Partial<Record<ChoiceSetName, readonly SetChoice[]>>;

export function questionChoices(step: Step, sets: ChoiceSets = {}): ViewChoice[] {
  return kindOf(step).question?.choices(step, sets) ?? [];
}

/** The step of `flow` whose answer is saved under `name`. */
export function stepSaving(flow: FlowDefinition, name: string): Step | undefined {
  return Object.entries(flow.steps).find(
    ([id, step]) => isQuestion(step) && (step.save ?? id) === name,
  )?.[1];
}

/** An answer as a summary shows it: choice ids become their labels. */
export function describeAnswer(
  flow: FlowDefinition,
  name: string,
  value: AnswerValue | undefined,
  sets: ChoiceSets = {},
): MessageParam {
  if (value === undefined) return { key: 'common.notAnswered' };
  if (value === dontKnow) return { key: 'common.dontKnow' };
  const step = stepSaving(flow, name);
  const labels = step ? questionChoices(step, sets) : [];
  const one = (v: string): MessageParam => labels.find((c) => c.id === v)?.label ?? { text: v };
  if (Array.isArray(value)) return { list: value.map(one) };
  return one(String(value));
}
