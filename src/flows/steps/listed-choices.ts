/**
 * The choices of a choice question as shown: the named set's entries first (their names are
 * the same in every language), then the definition's own, by label key.
 */
import type { Choice, ChoiceSetName } from '../definition-fields.js';
import type { ChoiceSets, ViewChoice } from '../step-view.js';

export function listedChoices(
  step: { choices: Choice[]; choicesFrom?: ChoiceSetName | undefined },
  sets: ChoiceSets,
): ViewChoice[] {
  const named = step.choicesFrom ? (sets[step.choicesFrom] ?? []) : [];
  return [
    ...named.map((c) => ({ id: c.id, label: { text: c.name } })),
    ...step.choices.map((c) => ({ id: c.id, label: { key: c.label } })),
  ];
}
