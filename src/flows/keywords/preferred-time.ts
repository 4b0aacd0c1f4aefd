/**
 * `preferredTime`: "alleen 's avonds", "wanneer berichten": asks when the resident likes to be
 * messaged, then goes on where they were. Only with consent: before it nothing is kept.
 */
import { coreFlows } from '../core-flows.js';
import { defineKeyword } from './keyword.js';

export const preferredTime = defineKeyword({
  name: 'preferredTime',
  run(turn) {
    const { run, consented } = turn.state;
    if (!consented || run?.flow === coreFlows.preferredTime) return false;
    turn.interrupt(coreFlows.preferredTime);
    return true;
  },
});
