/**
 * `nearby`: "wat is er te doen in mijn wijk?" — browse the sociale kaart, then back to
 * whatever the resident was doing. Only with consent, not during a safety hold, and not
 * again while already browsing.
 */
import { coreFlows } from '../core-flows.js';
import { defineKeyword } from './keyword.js';

export const nearby = defineKeyword({
  name: 'nearby',
  run(turn) {
    const { run, consented, safetyHold } = turn.state;
    if (!consented || safetyHold || run?.flow === coreFlows.nearby) return false;
    turn.interrupt(coreFlows.nearby);
    return true;
  },
});
