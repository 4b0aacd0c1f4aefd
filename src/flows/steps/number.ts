/**
 * `number`: a whole number from `min` to `max`, in any digits ("12", "١٢"). No shipped flow
 * asks one yet; a question like "how many hours a week?" would read:
 *
 * ```json
 * { "kind": "number", "text": "wijMatch.hoursPerWeek", "min": 0, "max": 40, "next": "end" }
 * ```
 */
import { z } from 'zod';
import { parseNumber } from '../answers/parse-number.js';
import { defineStepKind } from './step-kind.js';
import { questionFields } from './step-fields.js';

export const number = defineStepKind({
  kind: 'number',
  schema: z.object({
    kind: z.literal('number'),
    ...questionFields,
    min: z.number().int(),
    max: z.number().int(),
  }),
  question: {
    choices: () => [],
    parse(step, text, { fail }) {
      const value = parseNumber(text, step.min, step.max);
      return value === null ? fail : { ok: true, value };
    },
    invalidParams: (step) => ({
      min: { text: String(step.min) },
      max: { text: String(step.max) },
    }),
  },
});
