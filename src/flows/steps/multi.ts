/**
 * `multi`: several of a list in one message ("1, 3", "tuin en koken"); every part must be
 * understood, and a part that fits several choices is asked about, keeping the rest. The
 * answer is the list of choice ids.
 *
 * ```json
 * { "kind": "multi", "text": "talentenscan.interests", "choices": [
 *   { "id": "cooking", "label": "talentenscan.interest.cooking" },
 *   { "id": "garden", "label": "talentenscan.interest.garden" } ], "next": "forOthers" }
 * ```
 */
import { z } from 'zod';
import { matchMulti } from '../answers/parse-multi.js';
import { words } from '../lexicon.js';
import { defineStepKind } from './step-kind.js';
import {
  choiceListFields,
  enoughChoices,
  enoughChoicesMessage,
  questionFields,
} from './step-fields.js';
import { listedChoices } from './listed-choices.js';

export const multi = defineStepKind({
  kind: 'multi',
  schema: z
    .object({ kind: z.literal('multi'), ...questionFields, ...choiceListFields })
    .refine(enoughChoices, enoughChoicesMessage),
  question: {
    choices: listedChoices,
    picked: (id, keep) => [...new Set([...keep, id])],
    parse(_step, text, { labelled, lexicon, languages, ask, fail }) {
      const match = matchMulti(text, labelled, words(lexicon, 'common.and', languages));
      if (!match) return fail;
      return 'found' in match ? { ok: true, value: match.found } : ask(match.ambiguous, match.keep);
    },
    words: ['common.and'],
  },
});
