/**
 * Every queue's handler, one file per job in this folder. The worker refuses to start when a
 * queue in `queues.ts` has no handler here. A follow-up queue per registered channel, all
 * served by the same delivery.
 */
import type { FollowUpDelivery } from '../../followups/follow-up-delivery.js';
import type { FollowUpQueueName } from '../../bots/channels.js';
import { followUpQueueNames, type JobHandlers } from '../queues.js';
import { deliverFollowUpHandler } from './deliver-follow-up.js';
import type { MaintenanceReport } from './maintenance.js';

export function jobHandlers(parts: {
  maintenance: () => Promise<MaintenanceReport>;
  followUps: Pick<FollowUpDelivery, 'deliver'>;
}): JobHandlers {
  const deliver = deliverFollowUpHandler(parts.followUps);
  const followUpHandlers = Object.fromEntries(
    followUpQueueNames.map((name) => [name, deliver]),
  ) as Record<FollowUpQueueName, typeof deliver>;
  return { maintenance: parts.maintenance, ...followUpHandlers };
}

export { maintenanceHandler, type MaintenanceDeps, type MaintenanceReport } from './maintenance.js';
