/**
 * `myData`: shows everything kept about the resident. Also before consent: a former trainee
 * WIJeindhoven registered may ask what is kept; for anyone else the host answers that
 * nothing is.
 */
import { defineKeyword } from './keyword.js';

export const myData = defineKeyword({
  name: 'myData',
  run(turn) {
    turn.emit({ type: 'data_requested' });
    if (turn.state.run) turn.ask(turn.state.run);
    return true;
  },
});
