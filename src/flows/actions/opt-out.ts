/**
 * `optOut`: the resident wants no more messages, like STOP (e.g. declining a follow-up).
 * Every run ends; Bloei writes again only when the resident does.
 *
 * ```json
 * { "type": "optOut" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const optOut = defineAction({
  type: 'optOut',
  schema: z.object({ type: z.literal('optOut') }),
  run(turn) {
    turn.state = { ...turn.state, run: null, stack: [], paused: [] };
    turn.emit({ type: 'stopped' });
    return 'ended';
  },
});
