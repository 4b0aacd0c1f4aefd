/**
 * What each kind of scheduled message does when its time comes: start a flow in the
 * resident's chat, or send a text written for it (a campaign's message). A registry, so a new
 * kind is one line here; a test proves every kind starts a flow that exists or has a text.
 */
import type { ScheduleKind } from '../flows/actions/index.js';
import { BloeiError } from '../errors/bloei-error.js';
import { campaignOfSubject } from '../store/campaign-repository.js';
import type { Store } from '../store/store.js';

export type ScheduledKind =
  /** The flow started in the resident's chat. */
  | { flow: string }
  /** A text sent as it is, in the resident's language; null when there is none any more. */
  | { text(store: Store, subject: string, language: string): Promise<string | null> };

/** Kinds Bloei schedules itself, besides those a flow may schedule (`ScheduleKind`). */
export type HostKind = 'matchCheckUp' | 'matchLastCheckUp' | 'campaignCheckIn' | 'campaignMessage';

export const scheduledKinds: Record<ScheduleKind | HostKind, ScheduledKind> = {
  scanCheckUp: { flow: 'scanCheckUp' },
  /** A check-up of a WIJ match, and its last one, whose answers say whether it lasted. */
  matchCheckUp: { flow: 'matchCheckUp' },
  matchLastCheckUp: { flow: 'matchCheckUp' },
  /** A coordinator's campaign: a check-in invitation, or a message of their own. */
  campaignCheckIn: { flow: 'checkIn' },
  campaignMessage: {
    text(store, subject, language) {
      const campaign = campaignOfSubject(subject);
      return campaign ? store.campaigns.messageText(campaign, language) : Promise.resolve(null);
    },
  },
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
