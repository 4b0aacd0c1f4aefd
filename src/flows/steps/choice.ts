/**
 * `choice`: one of a list, by number, by label in any language understood, by a part of the
 * label or with a typo; an answer that fits several choices is asked about. Choices come
 * from the definition and optionally from a named set (`choicesFrom: "wijken"`).
 *
 * ```json
 * { "kind": "choice", "text": "menu.choose", "choices": [
 *   { "id": "talentenscan", "label": "menu.talentenscan" },
 *   { "id": "wijMatch", "label": "menu.wijMatch" } ], "next": "end" }
 * ```
 */
import { z } from 'zod';
import { matchChoice } from '../answers/parse-choice.js';
import { defineStepKind } from './step-kind.js';
import {
  choiceListFields,
  enoughChoices,
  enoughChoicesMessage,
  questionFields,
} from './step-fields.js';
import { listedChoices } from './listed-choices.js';

export const choice = defineStepKind({
  kind: 'choice',
  schema: z
    .object({ kind: z.literal('choice'), ...questionFields, ...choiceListFields })
    .refine(enoughChoices, enoughChoicesMessage),
  question: {
    choices: listedChoices,
    parse(_step, text, { labelled, chosen, ask, fail }) {
      const match = matchChoice(text, labelled);
      if (!match) return fail;
      return 'found' in match ? chosen(match.found) : ask(match.ambiguous);
    },
  },
});
