import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
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
});
