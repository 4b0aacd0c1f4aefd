/**
 * `erase`: the resident confirmed "forget me": everything about them is erased, and the
 * conversation starts afresh in the same language.
 *
 * ```json
 * { "type": "erase" }
 * ```
 */
import { z } from 'zod';
import { initialState } from '../state.js';
import { defineAction } from './action-type.js';

export const erase = defineAction({
  type: 'erase',
  schema: z.object({ type: z.literal('erase') }),
  run(turn) {
    turn.state = initialState(turn.state.language);
    turn.emit({ type: 'erase' });
    return 'ended';
  },
});
