/**
 * A resident wrote to the verbinder who claimed their hand-off and heard nothing back: after
 * `relayRemindAfterHours` that verbinder is reminded, after `relayEscalateAfterHours` the
 * wijkteam and the coordinators are told, as for a hand-off nobody claimed. Each unanswered
 * message is marked, so each reminder and escalation goes out once per message; an answer
 * starts over. The mark and the alerts (outbox messages, rendered when sent: an answer given
 * meanwhile stops them) are one transaction; the clock is passed in, so tests can move time.
 */
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { Store } from '../store/store.js';
import type { HandoffAlerts } from './handoff-alerts.js';

export interface RelayReminderSettings {
  relayRemindAfterHours: number;
  relayEscalateAfterHours: number;
}

export const defaultRelayReminders: RelayReminderSettings = {
  relayRemindAfterHours: 8,
  relayEscalateAfterHours: 24,
};

export async function remindUnansweredRelay(
  store: Store,
  alerts: HandoffAlerts,
  now: Date,
  settings: RelayReminderSettings = defaultRelayReminders,
): Promise<{ reminders: number; chats: ChatAddress[] }> {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  let reminders = 0;
  const chats: ChatAddress[] = [];
  const due = [
    ['escalation', 'relayEscalation', hoursAgo(settings.relayEscalateAfterHours)],
    ['reminder', 'relayReminder', hoursAgo(settings.relayRemindAfterHours)],
  ] as const;
  for (const [mark, kind, before] of due) {
    for (const id of await store.relay.unansweredDue(mark, before)) {
      const raised = await store.transaction(async (s) =>
        (await s.relay.markUnanswered(id, mark, now)) ? alerts.raise(s, id, kind, now) : null,
      );
      if (!raised) continue;
      reminders += 1;
      chats.push(...raised);
    }
  }
  return { reminders, chats };
}
