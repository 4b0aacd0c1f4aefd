/**
 * `phone`: a phone number to be called back on, Dutch or international (see
 * `answers/parse-phone.ts`); the answer is the number in E.164. A number that is not one is
 * asked again with an example. Pair it with the `keepContactDetail` action so the number is
 * kept as a contact detail with its purpose, not among the answers:
 *
 * ```json
 * {
 *   "kind": "phone", "text": "wijMatch.phoneNumber", "stored": false,
 *   "do": [{ "type": "keepContactDetail", "kind": "phone", "purpose": "callBack" }],
 *   "next": "summary"
 * }
 * ```
 */
import { z } from 'zod';
import { parsePhone } from '../answers/parse-phone.js';
import { defineStepKind } from './step-kind.js';
import { questionFields } from './step-fields.js';

export const phone = defineStepKind({
  kind: 'phone',
  schema: z.object({ kind: z.literal('phone'), ...questionFields }),
  question: {
    choices: () => [],
    parse(_step, typed, { fail }) {
      const value = parsePhone(typed);
      return value === null ? fail : { ok: true, value };
    },
    invalidParams: () => ({}),
  },
});
