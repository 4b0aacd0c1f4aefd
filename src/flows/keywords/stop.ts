/**
 * `stop`: before consent, forgets the conversation at once; after it, sets the questionnaire
 * aside (kept, so a resident who comes back goes on where they left) and says so.
 */
import { defineKeyword } from './keyword.js';

export const stop = defineKeyword({
  name: 'stop',
  run(turn) {
    const { run, consented } = turn.state;
    if (!consented) {
      turn.forget('onboarding.stoppedBeforeConsent');
      return true;
    }
    turn.setAside(run);
    turn.emit({ type: 'stopped' });
    turn.say('system.stopped');
    return true;
  },
});
