/**
 * `forget`: the resident declined consent, so nothing about this conversation is kept; it
 * starts afresh in the same language.
 *
 * ```json
 * { "type": "forget" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const forget = defineAction({
  type: 'forget',
  schema: z.object({ type: z.literal('forget') }),
  run(turn) {
    turn.forget(null);
    return 'ended';
  },
});
