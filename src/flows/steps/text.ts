/**
 * `text`: a free answer in the resident's own words; anything with a letter or digit is an
 * answer. A longer answer than `maxLength` is kept that long and the resident is told.
 *
 * ```json
 * { "kind": "text", "text": "talentenscan.energy", "next": "skills" }
 * ```
 */
import { z } from 'zod';
import { parseText } from '../answers/parse-text.js';
import { defineStepKind } from './step-kind.js';
import { questionFields } from './step-fields.js';

export const text = defineStepKind({
  kind: 'text',
  schema: z.object({
    kind: z.literal('text'),
    ...questionFields,
    maxLength: z.number().int().positive().default(2000),
  }),
  question: {
    choices: () => [],
    parse(step, typed, { fail }) {
      const answer = parseText(typed, step.maxLength);
      if (!answer) return fail;
      return answer.truncated
        ? { ok: true, value: answer.value, truncated: true, max: step.maxLength }
        : { ok: true, value: answer.value };
    },
    freeText: true,
  },
});
