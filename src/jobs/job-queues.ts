/**
 * Producers for Bloei's BullMQ queues: follow-up stages as jobs with stable ids and retries
 * with exponential backoff, and the maintenance check as a Job Scheduler (BullMQ 6) that
 * runs every minute in whichever worker is free. Alerts and notices are not jobs: they are
 * outbox messages, so an emptied Redis cannot lose them.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DueFollowUp } from '../followups/follow-up-delivery.js';
import { channelPlugin, type FollowUpQueueName } from '../bots/channels.js';
import { followUpJobId, type JobPayloads, type QueueName } from './queues.js';

const bulkSize = 500;

export interface JobConnection {
  redisUrl: string;
  /** Key prefix, so tests and several deployments can share one Redis. */
  prefix?: string;
}

/** How often the maintenance job looks for what is due (escalations, follow-ups, invitations). */
export const maintenanceEveryMs = 60_000;

export class JobQueues {
  private readonly redis: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  /** Set once this process schedules maintenance; see the constructor. */
  private maintenance: { everyMs: number } | undefined;

  constructor(readonly connection: JobConnection) {
    this.redis = new Redis(connection.redisUrl, { maxRetriesPerRequest: null });
    // The scheduler lives in Redis only. One that comes back empty (no persistence, a new
    // instance after a failover) has forgotten it, and nothing would be due ever again:
    // schedule it anew on every reconnect (an upsert; the next reconnect tries again).
    this.redis.on('ready', () => {
      if (this.maintenance) {
        this.scheduleMaintenance(this.maintenance.everyMs).catch(() => undefined);
      }
    });
  }

  queue<Q extends QueueName>(name: Q): Queue<JobPayloads[Q]> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: this.connection.prefix ?? 'bloei',
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      });
      this.queues.set(name, queue);
    }
    return queue as Queue<JobPayloads[Q]>;
  }

  /**
   * One job per due follow-up stage, on its channel's queue; the stable id drops repeats.
   * Added in bulk: a cohort's follow-ups fall due on the same day. A follow-up on a channel
   * no longer registered is an `UnknownChannelError`, before anything is queued.
   */
  async followUps(due: readonly DueFollowUp[]): Promise<number> {
    const byQueue = new Map<FollowUpQueueName, DueFollowUp[]>();
    for (const item of due) {
      const name = channelPlugin(item.channel).followUpQueue;
      const items = byQueue.get(name);
      if (items) items.push(item);
      else byQueue.set(name, [item]);
    }
    for (const [name, items] of byQueue) {
      for (let i = 0; i < items.length; i += bulkSize) {
        await this.queue(name).addBulk(
          items.slice(i, i + bulkSize).map(({ followUpId, stage }) => ({
            name: 'deliver',
            data: { followUpId, stage },
            opts: { jobId: followUpJobId(followUpId, stage) },
          })),
        );
      }
    }
    return [...byQueue.values()].reduce((sum, items) => sum + items.length, 0);
  }

  async scheduleMaintenance(everyMs = maintenanceEveryMs): Promise<void> {
    this.maintenance = { everyMs };
    await this.queue('maintenance').upsertJobScheduler(
      'escalation-check',
      { every: everyMs },
      { name: 'escalation-check', data: { task: 'escalation-check' } },
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.redis.quit();
  }
}
