/**
 * `choice`: one of a list, by number, by label in any language understood, by a part of the
 * label or with a typo; an answer that fits several choices is asked about. Choices come
 * from the definition and optionally from a named set (`choicesFrom: "wijken"`). A choice with
 * the id `yes` or `no` also takes the resident's words for yes or no ("ja hoor", "yep").
 *
 * ```json
 * { "kind": "choice", "text": "menu.choose", "choices": [
 *   { "id": "talentenscan", "label": "menu.talentenscan" },
 *   { "id": "wijMatch", "label": "menu.wijMatch" } ], "next": "end" }
 * ```
 */
import { z } from 'zod';
import { matchChoice } from '../answers/parse-choice.js';
import { parseYesNo } from '../answers/parse-yes-no.js';
import { saysDontKnow } from '../answers/says-dont-know.js';
import { shapedWords } from '../lexicon.js';
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
    parse(_step, text, { labelled, lexicon, languages, chosen, ask, fail }) {
      const match = matchChoice(text, labelled);
      if (match) return 'found' in match ? chosen(match.found) : ask(match.ambiguous);
      if (saysDontKnow(text, lexicon, languages)) return fail;
      const said = parseYesNo(
        text,
        shapedWords(lexicon, 'common.yesWords', languages),
        shapedWords(lexicon, 'common.noWords', languages),
      );
      return said && labelled.some((c) => c.id === said) ? chosen(said) : fail;
    },
    words: ['common.yesWords', 'common.noWords', 'common.dontKnowWords'],
  },
});
