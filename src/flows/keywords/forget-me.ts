/** `forgetMe`: asks whether to erase everything kept, from anywhere, also before consent. */
import { coreFlows } from '../core-flows.js';
import { defineKeyword } from './keyword.js';

export const forgetMe = defineKeyword({
  name: 'forgetMe',
  run(turn) {
    turn.interrupt(coreFlows.forgetMe);
    return true;
  },
});
