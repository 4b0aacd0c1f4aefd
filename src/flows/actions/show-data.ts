/**
 * `showData`: shows the resident everything Bloei keeps about them (the host writes it out
 * in their language).
 *
 * ```json
 * { "type": "showData" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const showData = defineAction({
  type: 'showData',
  schema: z.object({ type: z.literal('showData') }),
  run(turn) {
    turn.emit({ type: 'data_requested' });
    return 'continue';
  },
});
