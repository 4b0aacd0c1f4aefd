/**
 * Finds hand-offs nobody claimed in time and marks them, so each reminder and escalation is
 * sent once: unclaimed after `remindAfterHours` → a reminder to the owner; after
 * `escalateAfterHours` → the whole wijkteam. The mark and the alerts are one transaction; the
 * database decides what is due; the clock is passed in, so tests can move time.
 */
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { Store } from '../store/store.js';
import type { HandoffAlerts } from './handoff-alerts.js';

export interface EscalationSettings {
  remindAfterHours: number;
  escalateAfterHours: number;
  /** A resident's message the claiming verbinder left unanswered: see remind-unanswered-relay.ts. */
  relayRemindAfterHours?: number;
  relayEscalateAfterHours?: number;
}

export const defaultEscalation: EscalationSettings = {
  remindAfterHours: 24,
  escalateAfterHours: 48,
};

export async function escalateHandoffs(
  store: Store,
  alerts: HandoffAlerts,
  now: Date,
  settings: EscalationSettings = defaultEscalation,
): Promise<{ escalations: number; chats: ChatAddress[] }> {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  let escalations = 0;
  const chats: ChatAddress[] = [];
  const due = [
    ['escalation', hoursAgo(settings.escalateAfterHours)],
    ['reminder', hoursAgo(settings.remindAfterHours)],
  ] as const;
  for (const [kind, before] of due) {
    for (const id of await store.handoffs.dueFor(kind, before)) {
      const raised = await store.transaction(async (s) =>
        (await s.handoffs.markEscalated(id, kind, now)) ? alerts.raise(s, id, kind, now) : null,
      );
      if (!raised) continue;
      escalations += 1;
      chats.push(...raised);
    }
  }
  return { escalations, chats };
}
