/**
 * Short flows that interrupt for a moment and then go back to where the resident was: the
 * offer of a verbinder after a concern (loneliness, debts, no home, no food), the offer to
 * pass a voice note or photo on, and "stop these questions?" before leaving a questionnaire.
 */
import { careFlow } from '../core-flows.js';
import { concernKinds, type ConcernKind } from '../safety/phrase-book.js';
import type { FlowInput, HandoffReason } from '../spec.js';

function offer(id: string, question: string, prefix: string, reason: HandoffReason) {
  return {
    id,
    version: 1,
    title: `${prefix}.title`,
    start: 'offer',
    steps: {
      offer: {
        kind: 'yesno',
        text: question,
        branches: [{ when: 'yes', next: 'accepted' }],
        next: 'declined',
      },
      accepted: {
        kind: 'message',
        text: `${prefix}.accepted`,
        noVerbinderText: `${prefix}.acceptedNobody`,
        do: [{ type: 'handoff', reason }],
        next: 'end',
      },
      declined: { kind: 'message', text: `${prefix}.declined`, next: 'end' },
    },
  } satisfies FlowInput;
}

const careReasons: Record<ConcernKind, HandoffReason> = {
  loneliness: 'care_loneliness',
  debts: 'care_debts',
  homeless: 'care_homeless',
  food: 'care_food',
};

export const careOffers = concernKinds.map((kind) =>
  offer(careFlow(kind), `offers.care.${kind}`, 'offers.care', careReasons[kind]),
);

export const mediaOffer = offer(
  'mediaOffer',
  'offers.media.offer',
  'offers.media',
  'wants_to_talk',
);

export const leaveQuestionnaire = {
  id: 'leaveQuestionnaire',
  version: 1,
  title: 'offers.leave.title',
  start: 'confirm',
  steps: {
    confirm: {
      kind: 'yesno',
      text: 'offers.leave.confirm',
      branches: [{ when: 'yes', next: 'left' }],
      next: 'stay',
    },
    left: {
      kind: 'message',
      text: 'offers.leave.left',
      do: [{ type: 'pauseInterrupted' }],
      next: '@menu',
    },
    stay: { kind: 'message', text: 'offers.leave.stay', next: 'end' },
  },
} satisfies FlowInput;
