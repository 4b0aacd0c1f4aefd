/**
 * What each kind of scheduled message starts when its time comes. A registry, so a new kind
 * (a match check-up, a campaign) is one line here; the test walks every kind a flow may
 * schedule and proves it has a flow.
 */
import type { ScheduleKind } from '../flows/spec.js';

export interface ScheduledKind {
  /** The flow started in the resident's chat. */
  flow: string;
}

export const scheduledKinds: Record<ScheduleKind, ScheduledKind> = {
  scanCheckUp: { flow: 'scanCheckUp' },
};

export class UnknownScheduledKindError extends Error {
  override readonly name = 'UnknownScheduledKindError';
  readonly code = 'SCHEDULED_KIND_UNKNOWN';
}

export function scheduledKind(kind: string): ScheduledKind {
  const found = (scheduledKinds as Record<string, ScheduledKind | undefined>)[kind];
  if (!found) throw new UnknownScheduledKindError(`no scheduled kind ${kind}`);
  return found;
}
