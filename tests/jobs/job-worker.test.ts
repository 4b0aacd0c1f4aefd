import { randomUUID } from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { JobQueues } from '../../src/jobs/job-queues.js';
import { JobWorker, MissingJobHandlerError } from '../../src/jobs/job-worker.js';
import { queueNames, type JobHandlers } from '../../src/jobs/queues.js';
import { silentLogger } from '../support/test-app.js';

describe(JobWorker.name, () => {
  const connection = () => ({ redisUrl: inject('redisUrl'), prefix: `test-${randomUUID()}` });

  it('refuses to start when a queue has no handler', () => {
    const handlers: Partial<JobHandlers> = { maintenance: async () => 0 };
    expect(() => new JobWorker(connection(), handlers, silentLogger)).toThrow(
      MissingJobHandlerError,
    );
    expect(() => new JobWorker(connection(), handlers, silentLogger)).toThrow(/followups-telegram/);
  });

  it('runs a handler for every registered queue, and queues a follow-up stage once per stable id', async () => {
    const conn = connection();
    const seen: string[] = [];
    let allSeen = () => {};
    const done = new Promise<void>((resolve) => (allSeen = resolve));
    const handlers = Object.fromEntries(
      queueNames.map((name) => [
        name,
        async (data: unknown) => {
          seen.push(`${name}:${JSON.stringify(data)}`);
          if (seen.length === 2) allSeen();
        },
      ]),
    ) as unknown as JobHandlers;
    const worker = new JobWorker(conn, handlers, silentLogger);
    const queues = new JobQueues(conn);
    try {
      const due = { followUpId: 'f-1', stage: 'initial', channel: 'telegram' } as const;
      await queues.followUps([due]);
      await queues.followUps([due]);
      await queues.queue('maintenance').add('escalation-check', { task: 'escalation-check' });
      await done;
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.sort()).toEqual([
        'followups-telegram:{"followUpId":"f-1","stage":"initial"}',
        'maintenance:{"task":"escalation-check"}',
      ]);
    } finally {
      await worker.close();
      await queues.close();
    }
  });
});
