/**
 * Queue names and job payloads. Every queue has exactly one handler; the worker refuses to
 * start when one is missing.
 */
import type { AlertKind } from '../handoff/handoff-alerts.js';
import type { FollowUpStage } from '../followups/follow-up-delivery.js';
import type { ResidentNotice } from '../handoff/resident-notices.js';

/** Follow-ups go out through one queue per channel, so each channel is paced on its own. */
export const followUpQueues = {
  telegram: 'followups-telegram',
  whatsapp: 'followups-whatsapp',
} as const;

/** What residents hear about their hand-off, sent by the process that holds their channel. */
export const noticeQueues = {
  telegram: 'notices-telegram',
  whatsapp: 'notices-whatsapp',
} as const;

export const queueNames = [
  'handoff-alerts',
  'maintenance',
  followUpQueues.telegram,
  followUpQueues.whatsapp,
  noticeQueues.telegram,
  noticeQueues.whatsapp,
] as const;
export type QueueName = (typeof queueNames)[number];

export interface FollowUpJob {
  followUpId: string;
  stage: FollowUpStage;
}

export interface JobPayloads {
  'handoff-alerts': { handoffId: string; kind: AlertKind };
  maintenance: { task: 'escalation-check' };
  'followups-telegram': FollowUpJob;
  'followups-whatsapp': FollowUpJob;
  'notices-telegram': ResidentNotice;
  'notices-whatsapp': ResidentNotice;
}

/** At most `max` jobs per `duration` milliseconds (BullMQ's per-queue limiter). */
export type QueueLimits = Partial<Record<QueueName, { max: number; duration: number }>>;

export type JobHandlers = { [Q in QueueName]: (data: JobPayloads[Q]) => Promise<unknown> };

/** Stable ids: the same alert is never queued twice, whatever retries or restarts happen. */
export const alertJobId = (handoffId: string, kind: AlertKind) => `handoff-${handoffId}-${kind}`;
export const followUpJobId = (followUpId: string, stage: FollowUpStage) =>
  `followup-${followUpId}-${stage}`;
export const noticeJobId = ({ handoffId, event }: ResidentNotice) => `notice-${handoffId}-${event}`;
