/**
 * `keepContactDetail`: keeps the step's answer (a phone number) as a way to reach the
 * resident, with why it was given, so a verbinder sees it with the hand-off, "my data" lists
 * it and "forget me" erases it. The answer leaves the run's answers: it lives in one place.
 *
 * ```json
 * { "type": "keepContactDetail", "kind": "phone", "purpose": "callBack" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

/** Kinds of contact detail a flow may ask for. */
export const contactDetailKinds = ['phone'] as const;
export type ContactDetailKind = (typeof contactDetailKinds)[number];

/** Why a resident gave a contact detail; each has a text `privacy.detailPurposes.<purpose>`. */
export const contactDetailPurposes = ['callBack'] as const;
export type ContactDetailPurpose = (typeof contactDetailPurposes)[number];

export const keepContactDetail = defineAction({
  type: 'keepContactDetail',
  schema: z.object({
    type: z.literal('keepContactDetail'),
    kind: z.enum(contactDetailKinds),
    purpose: z.enum(contactDetailPurposes),
  }),
  run(turn, action, { run, answer }) {
    if (typeof answer !== 'string') return 'continue';
    for (const [name, value] of Object.entries(run.answers)) {
      if (value === answer) delete run.answers[name];
    }
    turn.emit({
      type: 'contact_detail_given',
      kind: action.kind,
      value: answer,
      purpose: action.purpose,
    });
    return 'continue';
  },
  check: (_action, step) =>
    step['kind'] === 'phone' ? [] : ['keepContactDetail needs a phone step'],
});
