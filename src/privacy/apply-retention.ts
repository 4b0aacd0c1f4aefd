/**
 * Retention: residents who have not written for `contactMonths` (default 24) are erased the
 * way "forget me" erases them, keeping only anonymous counts; closed hand-offs lose their
 * details (the answers summary and verbinders' notes) after `handoffMonths` (default 12),
 * and the messages relayed between resident and verbinder after `relayDays` (default 90);
 * conversations of people who never consented go after `conversationDays` (default 30)
 * without a message; the ids that recognise a redelivered message after
 * `processedDays` (default 3); sent messages and quiet outbox chats after as many days;
 * expired staff sessions are removed. The clock is passed in.
 */
import { DateTime } from 'luxon';
import type { Store } from '../store/store.js';

export interface RetentionSettings {
  contactMonths: number;
  handoffMonths: number;
  relayDays?: number;
  conversationDays?: number;
  processedDays?: number;
}

export const defaultRetention: Required<RetentionSettings> = {
  contactMonths: 24,
  handoffMonths: 12,
  relayDays: 90,
  conversationDays: 30,
  processedDays: 3,
};

export interface RetentionReport {
  erased: number;
  handoffsCleared: number;
  relayedPruned: number;
  conversationsPruned: number;
}

export async function applyRetention(
  store: Store,
  now: Date,
  settings: RetentionSettings = defaultRetention,
): Promise<RetentionReport> {
  const { conversationDays, processedDays, relayDays } = { ...defaultRetention, ...settings };
  const before = (duration: { months?: number; days?: number }) =>
    DateTime.fromJSDate(now).minus(duration).toJSDate();
  let erased = 0;
  for (const id of await store.contacts.quietSince(before({ months: settings.contactMonths }))) {
    if (await store.transaction((s) => s.contacts.erase(id, now))) erased += 1;
  }
  const handoffsCleared = await store.handoffs.clearClosedBefore(
    before({ months: settings.handoffMonths }),
  );
  const relayedPruned = await store.relay.pruneClosedBefore(before({ days: relayDays }));
  const conversationsPruned = await store.conversations.pruneUnconsented(
    before({ days: conversationDays }),
  );
  await store.conversations.pruneProcessed(before({ days: processedDays }));
  await store.outbox.prune(processedDays);
  await store.staff.pruneSessions(now);
  return { erased, handoffsCleared, relayedPruned, conversationsPruned };
}
