/**
 * The `maintenance` job, every minute in whichever worker is free: reminders and escalations
 * of unclaimed hand-offs and of residents' messages left unanswered, alerts that reached nobody raised again, invitations and follow-ups
 * that are due, retention, nudges about offers chosen long ago, and a sweep of the outbox. Each part is safe to run twice: what
 * it sends goes through the outbox, and follow-up jobs have stable ids.
 */
import type { ChatAddress } from '../../conversations/outbox-ports.js';
import type { Logger } from '../../conversations/ports.js';
import type { InboundHandler } from '../../conversations/inbound-handler.js';
import type { FollowUpDelivery } from '../../followups/follow-up-delivery.js';
import { escalateHandoffs, type EscalationSettings } from '../../handoff/escalate-handoffs.js';
import type { HandoffAlerts } from '../../handoff/handoff-alerts.js';
import {
  defaultRelayReminders,
  remindUnansweredRelay,
} from '../../handoff/remind-unanswered-relay.js';
import { defaultReraiseAfterMs, reraiseAlerts } from '../../handoff/reraise-alerts.js';
import { sendDueInvitations } from '../../invitations/send-due-invitations.js';
import { sendDueScheduled } from '../../schedule/send-due-scheduled.js';
import {
  applyRetention,
  type RetentionReport,
  type RetentionSettings,
} from '../../privacy/apply-retention.js';
import type { Store } from '../../store/store.js';
import type { JobQueues } from '../job-queues.js';

export interface MaintenanceDeps {
  store: Store;
  alerts: HandoffAlerts;
  handler: Pick<InboundHandler, 'startFlow' | 'notify'>;
  followUps: Pick<FollowUpDelivery, 'due'>;
  /** Null without Redis: then follow-ups are not scheduled. */
  jobs: Pick<JobQueues, 'followUps'> | null;
  /** Sends what the outbox holds for these chats now. */
  send(chats: readonly ChatAddress[]): Promise<unknown>;
  sweep(): Promise<unknown>;
  logger: Logger;
  clock(): Date;
  escalation?: EscalationSettings | undefined;
  retention?: RetentionSettings | undefined;
  reraiseAfterMs?: number | undefined;
  /** The sociale kaart's own upkeep: asks residents how an offer they chose went. */
  kaart: { maintenance(): Promise<{ sent: number }> };
}

export interface MaintenanceReport {
  escalations: number;
  /** Reminders and escalations about residents' messages left unanswered. */
  relayReminders: number;
  reraised: number;
  invitations: number;
  /** Scheduled messages (check-ups) that were due and started. */
  scheduled: number;
  followUps: number;
  retention: RetentionReport;
  staleOfferNudges: number;
}

export function maintenanceHandler(deps: MaintenanceDeps): () => Promise<MaintenanceReport> {
  const { store, alerts, clock } = deps;
  return async () => {
    const escalated = await escalateHandoffs(store, alerts, clock(), deps.escalation);
    const unanswered = await remindUnansweredRelay(store, alerts, clock(), {
      relayRemindAfterHours:
        deps.escalation?.relayRemindAfterHours ?? defaultRelayReminders.relayRemindAfterHours,
      relayEscalateAfterHours:
        deps.escalation?.relayEscalateAfterHours ?? defaultRelayReminders.relayEscalateAfterHours,
    });
    const again = await reraiseAlerts(
      store,
      alerts,
      clock(),
      deps.logger,
      deps.reraiseAfterMs ?? defaultReraiseAfterMs,
    );
    await deps.send([...escalated.chats, ...unanswered.chats, ...again.chats]);
    const followUps = deps.jobs ? await deps.jobs.followUps(await deps.followUps.due()) : 0;
    const result = {
      escalations: escalated.escalations,
      relayReminders: unanswered.reminders,
      reraised: again.reraised,
      invitations: await sendDueInvitations(store, deps.handler, clock()),
      scheduled: await sendDueScheduled(store, deps.handler, clock(), deps.logger),
      followUps,
      retention: await applyRetention(store, clock(), deps.retention),
      staleOfferNudges: (await deps.kaart.maintenance()).sent,
    };
    await deps.sweep();
    return result;
  };
}
