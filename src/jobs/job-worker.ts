/**
 * Runs the handlers of every queue. Refuses to start when a queue has no handler, and shuts
 * down gracefully: `close()` lets running jobs finish; BullMQ returns unfinished ones to the
 * queue when a process dies.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../conversations/ports.js';
import { BloeiError } from '../errors/bloei-error.js';
import type { JobConnection } from './job-queues.js';
import { queueNames, type JobHandlers, type QueueLimits, type QueueName } from './queues.js';

export class MissingJobHandlerError extends BloeiError {
  override readonly name = 'MissingJobHandlerError';
  readonly code = 'JOB_HANDLER_MISSING';
}

export class JobWorker {
  private readonly workers: Worker[] = [];
  private readonly connection: Redis;

  constructor(
    options: JobConnection,
    handlers: Partial<JobHandlers>,
    private readonly logger: Logger,
    run: {
      queues?: readonly QueueName[];
      limits?: QueueLimits;
      /** Jobs in flight per queue (default: as many as its limiter allows a window, at least 4). */
      concurrency?: Partial<Record<QueueName, number>>;
      lockMs?: number;
    } = {},
  ) {
    const missing = queueNames.filter((name) => typeof handlers[name] !== 'function');
    if (missing.length > 0) {
      throw new MissingJobHandlerError(`no handler for queue(s) ${missing.join(', ')}`);
    }
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    for (const name of run.queues ?? queueNames) {
      const handler = handlers[name] as (data: unknown) => Promise<unknown>;
      const limiter = run.limits?.[name];
      const worker = new Worker(name, (job) => handler(job.data), {
        connection: this.connection,
        prefix: options.prefix ?? 'bloei',
        // A paced queue waits on the channel, not the CPU: as many in flight as it may send.
        concurrency: run.concurrency?.[name] ?? Math.max(4, limiter?.max ?? 0),
        ...(limiter ? { limiter } : {}),
        // A job whose worker died stays locked this long, then the stalled-job check (run as
        // often) hands it to another worker.
        ...(run.lockMs ? { lockDuration: run.lockMs, stalledInterval: run.lockMs } : {}),
      });
      worker.on('failed', (job, error) =>
        logger.warn(
          { queue: name, job: job?.id, attempt: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error) =>
        logger.error({ queue: name, err: error.message }, 'worker error'),
      );
      this.workers.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.connection.quit();
    this.logger.info({}, 'job worker stopped');
  }
}
