import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { UnknownChannelError } from '../../src/errors/unknown-channel-error.js';
import { JobQueues } from '../../src/jobs/job-queues.js';

describe(JobQueues.name, () => {
  it('schedules maintenance again when Redis comes back without it', async () => {
    const prefix = `test-${randomUUID()}`;
    const queues = new JobQueues({ redisUrl: inject('redisUrl'), prefix });
    const admin = new Redis(inject('redisUrl'));
    const schedulers = () => queues.queue('maintenance').getJobSchedulersCount();
    try {
      await queues.scheduleMaintenance(60_000);
      expect(await schedulers()).toBe(1);

      // What a Redis without persistence looks like after a restart: nothing of ours left,
      // and the connection dropped (only this one: the test Redis is shared).
      const keys = await admin.keys(`${prefix}:*`);
      await admin.del(...keys);
      expect(await schedulers()).toBe(0);
      const client = (await queues.queue('maintenance').backend.client) as unknown as Redis;
      await admin.client('KILL', 'ID', String(await client.client('ID')));

      const deadline = Date.now() + 280_000; // only a hang guard
      while ((await schedulers().catch(() => 0)) === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await schedulers()).toBe(1);
    } finally {
      await queues.close();
      admin.disconnect();
    }
  });

  it('queues each follow-up on its channel, and refuses one on a channel not registered', async () => {
    const prefix = `test-${randomUUID()}`;
    const queues = new JobQueues({ redisUrl: inject('redisUrl'), prefix });
    try {
      const due = [
        { followUpId: 'a', stage: 'initial' as const, channel: 'telegram' },
        { followUpId: 'b', stage: 'initial' as const, channel: 'whatsapp' },
      ];
      expect(await queues.followUps(due)).toBe(2);
      expect(await queues.queue('followups-telegram').getJobCounts('wait', 'delayed')).toEqual({
        wait: 1,
        delayed: 0,
      });
      expect(await queues.queue('followups-whatsapp').getJobCounts('wait')).toEqual({ wait: 1 });

      const unknown = [
        { followUpId: 'c', stage: 'initial' as const, channel: 'telegram' },
        { followUpId: 'd', stage: 'initial' as const, channel: 'fax' },
      ];
      await expect(queues.followUps(unknown)).rejects.toBeInstanceOf(UnknownChannelError);
      // Refused as a whole: not even the Telegram follow-up before it was queued.
      expect(await queues.queue('followups-telegram').getJobCounts('wait')).toEqual({ wait: 1 });
    } finally {
      await queues.close();
    }
  });
});
