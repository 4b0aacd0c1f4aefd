/**
 * Keeping the kaart current is the hard part (the seeds say so), so Bloei asks: offers nobody
 * checked for six months, and trainings whose next start has passed, are put before the
 * verbinder who owns them — or the coordinators when nobody (active) does — at most once a
 * month per offer, until someone says "still correct" or edits the offer.
 */
import { DateTime } from 'luxon';
import { KAART_ZONE, type Offer } from './offer.js';
import type { StaffRef } from './offer-store.js';

export interface NudgePolicy {
  /** An offer not checked for this many months is stale (6). */
  staleAfterMonths: number;
  /** A nudge about the same offer is not repeated within this many days (30). */
  repeatAfterDays: number;
}

export const defaultNudgePolicy: NudgePolicy = { staleAfterMonths: 6, repeatAfterDays: 30 };

/** notChecked: not checked for the policy's months; startPassed: its next start is past. */
export type StaleReason = 'notChecked' | 'startPassed';

export interface StaleOffer {
  offer: Offer;
  reasons: StaleReason[];
}

export type NudgeRecipient = { kind: 'owner'; verbinderId: string } | { kind: 'coordinators' };

/** One message to send: the offers one recipient should check. */
export interface StaleOfferNudge {
  recipient: NudgeRecipient;
  offers: StaleOffer[];
}

/**
 * Why an active offer needs checking at `now` (empty when it does not): the same rule the
 * nudges follow, for a list that flags such offers. An inactive offer is never stale.
 */
export function staleReasons(
  offer: Pick<Offer, 'active' | 'checkedAt' | 'nextStart'>,
  now: Date,
  policy: NudgePolicy = defaultNudgePolicy,
): StaleReason[] {
  if (!offer.active) return [];
  const { staleBefore, today } = staleLimits(now, policy);
  return reasonsAt(offer, staleBefore, today);
}

function staleLimits(now: Date, policy: NudgePolicy): { staleBefore: Date; today: string } {
  const clock = DateTime.fromJSDate(now, { zone: KAART_ZONE });
  return {
    staleBefore: clock.minus({ months: policy.staleAfterMonths }).toJSDate(),
    today: clock.toISODate()!,
  };
}

function reasonsAt(
  offer: Pick<Offer, 'checkedAt' | 'nextStart'>,
  staleBefore: Date,
  today: string,
): StaleReason[] {
  const reasons: StaleReason[] = [];
  if (offer.checkedAt <= staleBefore) reasons.push('notChecked');
  if (offer.nextStart !== null && offer.nextStart < today) reasons.push('startPassed');
  return reasons;
}

/** The nudges due at `now`, owners first (by id), then the coordinators. */
export function planStaleNudges(
  offers: readonly Offer[],
  staff: readonly StaffRef[],
  now: Date,
  policy: NudgePolicy = defaultNudgePolicy,
): StaleOfferNudge[] {
  const clock = DateTime.fromJSDate(now, { zone: KAART_ZONE });
  const { staleBefore, today } = staleLimits(now, policy);
  const repeatBefore = clock.minus({ days: policy.repeatAfterDays }).toJSDate();
  const activeStaff = new Set(staff.filter((member) => member.active).map((member) => member.id));

  const groups = new Map<string, StaleOfferNudge>();
  for (const offer of offers) {
    if (!offer.active) continue;
    if (offer.nudgedAt !== null && offer.nudgedAt > repeatBefore) continue;
    const reasons = reasonsAt(offer, staleBefore, today);
    if (reasons.length === 0) continue;
    const recipient: NudgeRecipient =
      offer.ownerId && activeStaff.has(offer.ownerId)
        ? { kind: 'owner', verbinderId: offer.ownerId }
        : { kind: 'coordinators' };
    const key = recipient.kind === 'owner' ? `0${recipient.verbinderId}` : '1';
    const group = groups.get(key) ?? { recipient, offers: [] };
    group.offers.push({ offer, reasons });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.offers.sort(
      (a, b) =>
        a.offer.checkedAt.getTime() - b.offer.checkedAt.getTime() ||
        a.offer.name.localeCompare(b.offer.name, 'nl') ||
        a.offer.wijk.localeCompare(b.offer.wijk),
    );
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, group]) => group);
}
