/**
 * `pauseInterrupted`: keeps the questionnaire this flow interrupted for later (paused,
 * answers kept) instead of going back to it when this flow ends: the resident confirmed
 * leaving it.
 *
 * ```json
 * { "type": "pauseInterrupted" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const pauseInterrupted = defineAction({
  type: 'pauseInterrupted',
  schema: z.object({ type: z.literal('pauseInterrupted') }),
  run(turn) {
    turn.putAway(turn.state.stack);
    turn.state.stack = [];
    return 'continue';
  },
});
