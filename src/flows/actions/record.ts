/**
 * `record`: stores the structured outcome of this flow run (a talent profile, a WIJ match
 * sign-up, a follow-up's answers) from the answers given so far.
 *
 * ```json
 * { "type": "record", "record": "talentProfile" }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

export const recordKinds = ['talentProfile', 'signUp', 'followUp', 'matchCheckUp'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const record = defineAction({
  type: 'record',
  schema: z.object({ type: z.literal('record'), record: z.enum(recordKinds) }),
  run(turn, action, { run }) {
    turn.emit({
      type: 'record_completed',
      record: action.record,
      runId: run.id,
      flow: run.flow,
      answers: { ...run.answers },
    });
    return 'continue';
  },
});
