/**
 * What each kind of scheduled message starts when its time comes. A registry, so a new kind
 * (a campaign) is one line here; a test proves every kind starts a flow that exists.
 */
import type { ScheduleKind } from '../flows/actions/index.js';
import { BloeiError } from '../errors/bloei-error.js';

export interface ScheduledKind {
  /** The flow started in the resident's chat. */
  flow: string;
}

/** Kinds Bloei schedules itself, besides those a flow may schedule (`ScheduleKind`). */
export type HostKind = 'matchCheckUp' | 'matchLastCheckUp';

export const scheduledKinds: Record<ScheduleKind | HostKind, ScheduledKind> = {
  scanCheckUp: { flow: 'scanCheckUp' },
  /** A check-up of a WIJ match, and its last one, whose answers say whether it lasted. */
  matchCheckUp: { flow: 'matchCheckUp' },
  matchLastCheckUp: { flow: 'matchCheckUp' },
};

export class UnknownScheduledKindError extends BloeiError {
  override readonly name = 'UnknownScheduledKindError';
  readonly code = 'SCHEDULED_KIND_UNKNOWN';
}

export function scheduledKind(kind: string): ScheduledKind {
  const found = (scheduledKinds as Record<string, ScheduledKind | undefined>)[kind];
  if (!found) throw new UnknownScheduledKindError(`no scheduled kind ${kind}`);
  return found;
}
