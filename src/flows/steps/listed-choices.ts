/**
 * The choices of a choice question as shown: the named set's entries first (by their name,
 * the same in every language, or by the text of their key when they have one, an interest),
 * then the definition's own, by label key.
 */
import type { Choice, ChoiceSetName } from '../definition-fields.js';
import type { ChoiceSets, ViewChoice } from '../step-view.js';

export function listedChoices(
  step: { choices: Choice[]; choicesFrom?: ChoiceSetName | undefined },
  sets: ChoiceSets,
): ViewChoice[] {
  const named = step.choicesFrom ? (sets[step.choicesFrom] ?? []) : [];
  return [
    ...named.map((c) => ({ id: c.id, label: c.key ? { key: c.key } : { text: c.name } })),
    ...step.choices.map((c) => ({ id: c.id, label: { key: c.label } })),
  ];
}
