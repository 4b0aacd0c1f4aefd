/**
 * Queue names and job payloads. Every queue has exactly one handler; the worker refuses to
 * start when one is missing. Messages themselves never wait in a queue: they go out through
 * the outbox in the database (conversations/outbox-sender.ts); queues schedule work.
 */
import { channelPlugins, type FollowUpQueueName } from '../bots/channels.js';
import type { FollowUpStage } from '../followups/follow-up-delivery.js';

/**
 * Follow-ups go out through one queue per registered channel (`ChannelPlugin.followUpQueue`),
 * so each channel is paced on its own.
 */
export const followUpQueueNames: readonly FollowUpQueueName[] = channelPlugins.map(
  (p) => p.followUpQueue,
);

export type QueueName = 'maintenance' | FollowUpQueueName;
export const queueNames: readonly QueueName[] = ['maintenance', ...followUpQueueNames];

/** What a worker of its own takes: all but the follow-ups of channels bound to a session. */
export const sharedQueueNames: readonly QueueName[] = [
  'maintenance',
  ...channelPlugins.filter((p) => !p.sessionBound).map((p) => p.followUpQueue),
];

export interface FollowUpJob {
  followUpId: string;
  stage: FollowUpStage;
}

export type JobPayloads = { maintenance: { task: 'escalation-check' } } & Record<
  FollowUpQueueName,
  FollowUpJob
>;

/** At most `max` jobs per `duration` milliseconds (BullMQ's per-queue limiter). */
export type QueueLimits = Partial<Record<QueueName, { max: number; duration: number }>>;

export type JobHandlers = { [Q in QueueName]: (data: JobPayloads[Q]) => Promise<unknown> };

/** Stable ids: the same stage is never queued twice, whatever retries or restarts happen. */
export const followUpJobId = (followUpId: string, stage: FollowUpStage) =>
  `followup-${followUpId}-${stage}`;
