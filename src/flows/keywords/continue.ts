/** `continue`: after a safety message, the resident says they want to go on. */
import { defineKeyword } from './keyword.js';

export const continueKeyword = defineKeyword({
  name: 'continue',
  run(turn) {
    if (!turn.state.safetyHold) return false;
    turn.state.safetyHold = false;
    turn.onIdle();
    return true;
  },
});
