/**
 * `handoff`: asks for a person. The host routes the hand-off to a verbinder of the resident's
 * wijk, with the run's answers (and any voice note or photo the resident sent). The step
 * must say something else when nobody can take it (`noVerbinderText`).
 *
 * ```json
 * { "type": "handoff", "reason": "scan_contact_wish", "urgency": "normal" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const handoffReasons = [
  'contact_requested',
  'scan_contact_wish',
  /** At the check-up after a talentenscan, the resident wants help with a next step. */
  'scan_checkup_help',
  /** At a check-up of a WIJ match: the other one did not come, or there was no click. */
  'match_no_show',
  'match_no_click',
  'wij_match_signup',
  'followup_contact',
  'followup_unanswered',
  'safety_signal',
  /** The resident accepted a verbinder after telling of loneliness, debts, no home, no food. */
  'care_loneliness',
  'care_debts',
  'care_homeless',
  'care_food',
  /** The resident sent a voice note or photo and wants a verbinder to get in touch. */
  'wants_to_talk',
  /** The resident picked a place from the sociale kaart and would like a verbinder to go along. */
  'offer_go',
] as const;
export type HandoffReason = (typeof handoffReasons)[number];

export const handoff = defineAction({
  type: 'handoff',
  schema: z.object({
    type: z.literal('handoff'),
    reason: z.enum(handoffReasons),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
  }),
  run(turn, action, { run }) {
    turn.emit({
      type: 'handoff_requested',
      reason: action.reason,
      urgency: action.urgency,
      flow: run.flow,
      answers: { ...run.answers },
      ...(run.media ? { media: run.media } : {}),
    });
    return 'continue';
  },
  check(_action, step) {
    return 'noVerbinderText' in step && step.noVerbinderText
      ? []
      : ['hands off without a noVerbinderText for when nobody can'];
  },
});
