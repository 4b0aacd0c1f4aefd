/**
 * The BullMQ queues as a dashboard (bull-board) under /queues: waiting, active, failed and
 * completed jobs, with retry. Coordinators only (checked in web-server.ts for every request
 * under /queues). Jobs carry row ids only, never personal data.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { JobQueues } from '../jobs/job-queues.js';
import { queueNames } from '../jobs/queues.js';

export async function registerQueueBoard(app: FastifyInstance, jobs: JobQueues): Promise<void> {
  const adapter = new FastifyAdapter();
  adapter.setBasePath('/queues');
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: adapter,
  });
  await app.register(adapter.registerPlugin(), { prefix: '/queues' });
}
