/** `help`: what the resident can say, then the question they were at once more. */
import { defineKeyword } from './keyword.js';

export const help = defineKeyword({
  name: 'help',
  run(turn) {
    turn.say('system.help');
    if (turn.state.run) turn.ask(turn.state.run);
    return true;
  },
});
