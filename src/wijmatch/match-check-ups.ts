/**
 * Check-ups of a WIJ match: when a verbinder records a match, each resident in it gets a
 * short check-up at one week, one month and three months (configurable), the last of which
 * says whether the match lasted. Ending the match (a verbinder's judgement) cancels what is
 * still pending. Times follow the resident's calendar: see schedule/check-up-time.ts.
 */
import { checkUpDueAt } from '../schedule/check-up-time.js';
import type { Store } from '../store/store.js';

/** ISO 8601 durations after the match is recorded; the last decides whether it lasted. */
export const defaultMatchCheckUps: readonly string[] = ['P7D', 'P1M', 'P3M'];

/** The subject of a match's check-ups: `match:<id>:<delay>`. */
export const matchSubject = (matchId: string, after = '') => `match:${matchId}:${after}`;

/** The match a check-up is about, from its subject. */
export function matchOfSubject(subject: string): string | null {
  return /^match:([^:]+):/.exec(subject)?.[1] ?? null;
}

export async function scheduleMatchCheckUps(
  tx: Store,
  match: { id: string; contactIds: readonly string[]; at: Date },
  after: readonly string[] = defaultMatchCheckUps,
): Promise<number> {
  let scheduled = 0;
  for (const contactId of new Set(match.contactIds)) {
    for (const [i, delay] of after.entries()) {
      const done = await tx.scheduled.scheduleFor(contactId, {
        kind: i === after.length - 1 ? 'matchLastCheckUp' : 'matchCheckUp',
        subject: matchSubject(match.id, delay),
        dueAt: checkUpDueAt(match.at, delay),
      });
      if (done) scheduled += 1;
    }
  }
  return scheduled;
}

/** The match ended: nobody is asked about it any more. */
export function cancelMatchCheckUps(tx: Store, matchId: string, at: Date): Promise<number> {
  return tx.scheduled.cancelAbout(matchSubject(matchId), at);
}
