/**
 * Sends the stale-offer nudges that are due and records them, one recipient at a time: read,
 * then send (no transaction open), then mark sent. A send that fails is not marked, so the
 * next run tries again; a crash between sending and marking sends that nudge once more, which
 * is better for a monthly reminder than losing it.
 */
import type { OfferStore } from './offer-store.js';
import {
  defaultNudgePolicy,
  planStaleNudges,
  type NudgePolicy,
  type StaleOfferNudge,
} from './plan-stale-nudges.js';

/** Delivers one nudge (a chat message, a notice on the dashboard); throws when it could not. */
export type SendNudge = (nudge: StaleOfferNudge) => Promise<void>;

export interface NudgeRun {
  /** Nudges delivered and marked. */
  sent: number;
  /** Offers in those nudges. */
  offers: number;
  /** Nudges whose delivery failed, with the error, for the caller to log; tried again next run. */
  failed: { recipient: StaleOfferNudge['recipient']; error: unknown }[];
}

export async function sendStaleNudges(
  store: OfferStore,
  send: SendNudge,
  clock: () => Date,
  policy: NudgePolicy = defaultNudgePolicy,
): Promise<NudgeRun> {
  const now = clock();
  const [offers, staff] = await Promise.all([store.listOffers(), store.staff()]);
  const run: NudgeRun = { sent: 0, offers: 0, failed: [] };
  for (const nudge of planStaleNudges(offers, staff, now, policy)) {
    try {
      await send(nudge);
    } catch (error) {
      run.failed.push({ recipient: nudge.recipient, error });
      continue;
    }
    await store.markNudged(
      nudge.offers.map((stale) => stale.offer.id),
      now,
    );
    run.sent += 1;
    run.offers += nudge.offers.length;
  }
  return run;
}
