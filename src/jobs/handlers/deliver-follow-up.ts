/**
 * The `followups-<channel>` jobs: one stage of a one-year follow-up (the first message, a
 * reminder, the hand-off when unanswered). The same handler serves every channel's queue;
 * the queues exist so each channel is paced on its own.
 */
import type { FollowUpDelivery } from '../../followups/follow-up-delivery.js';
import type { FollowUpJob } from '../queues.js';

export function deliverFollowUpHandler(followUps: Pick<FollowUpDelivery, 'deliver'>) {
  return ({ followUpId, stage }: FollowUpJob) => followUps.deliver(followUpId, stage);
}
