/**
 * `scale`: a five-point agreement scale, from "strongly disagree" (1) to "strongly agree"
 * (5), by number or label. "I don't know" is saved as `dontKnow`, never as a score.
 *
 * ```json
 * { "kind": "scale", "text": "followUp.confidence", "indicator": "zelfredzaamheid.vertrouwen",
 *   "labels": ["common.agree.1", "common.agree.2", "common.agree.3", "common.agree.4",
 *   "common.agree.5"], "next": "wijkTie" }
 * ```
 */
import { z } from 'zod';
import { matchChoice } from '../answers/parse-choice.js';
import { saysDontKnow } from '../answers/says-dont-know.js';
import { i18nKey } from '../definition-fields.js';
import { dontKnow } from '../state.js';
import { defineStepKind } from './step-kind.js';
import { questionFields } from './step-fields.js';

export const scale = defineStepKind({
  kind: 'scale',
  schema: z.object({
    kind: z.literal('scale'),
    ...questionFields,
    /** Five label keys, from "strongly disagree" (1) to "strongly agree" (5). */
    labels: z.array(i18nKey).length(5),
  }),
  question: {
    choices: (step) =>
      step.labels.map((label, i) => ({ id: String(i + 1), label: { key: label } })),
    picked: (id) => Number(id),
    parse(_step, text, { labelled, lexicon, languages, chosen, ask, fail }) {
      if (saysDontKnow(text, lexicon, languages)) return { ok: true, value: dontKnow };
      const match = matchChoice(text, labelled);
      if (!match) return fail;
      return 'found' in match ? chosen(match.found) : ask(match.ambiguous);
    },
    words: ['common.dontKnowWords'],
  },
});
