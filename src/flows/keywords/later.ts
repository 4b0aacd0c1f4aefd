/** `later`: pauses a questionnaire that may be paused; elsewhere the word is an answer. */
import { defineKeyword } from './keyword.js';

export const later = defineKeyword({
  name: 'later',
  run(turn) {
    const { run } = turn.state;
    if (!run || !turn.flow(run.flow).pausable) return false;
    turn.setAside(run);
    turn.say('system.paused');
    return true;
  },
});
