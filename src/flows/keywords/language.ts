/** `language`: choose another language, then go on where the resident was. */
import { coreFlows } from '../core-flows.js';
import { defineKeyword } from './keyword.js';

export const language = defineKeyword({
  name: 'language',
  run(turn) {
    turn.interrupt(coreFlows.language);
    return true;
  },
});
