/**
 * `schedule`: schedules a message for later (a check-up). The step's answer, a choice id,
 * picks the delay as an ISO 8601 duration (`P14D`, `P1M`); an answer without one schedules
 * nothing. The host stores it with the turn (`message_scheduled`), once per run.
 *
 * ```json
 * { "type": "schedule", "kind": "scanCheckUp", "after": { "twoWeeks": "P14D", "month": "P1M" } }
 * ```
 */
import { z } from 'zod';
import { defineAction } from './action-type.js';

/** Messages a flow may schedule for later: each names the flow that is started then. */
export const scheduleKinds = ['scanCheckUp'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export const schedule = defineAction({
  type: 'schedule',
  schema: z.object({
    type: z.literal('schedule'),
    kind: z.enum(scheduleKinds),
    after: z.record(z.string(), z.string().regex(/^P(\d+[YMWD])+$/, 'an ISO duration like P14D')),
  }),
  run(turn, action, { run, answer }) {
    const after = action.after[String(answer)];
    if (after) turn.emit({ type: 'message_scheduled', kind: action.kind, after, runId: run.id });
    return 'continue';
  },
});
