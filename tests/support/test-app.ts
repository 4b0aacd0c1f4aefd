/** Bloei's real app on a fresh test database, with a pinned clock and recorded sends. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp, type App, type AppOptions, type OutboxOptions } from '../../src/app.js';
import { simulatorChannel } from '../../src/bots/simulator/to-inbound.js';
import type { FloodSettings } from '../../src/conversations/flood-control.js';
import type { Logger } from '../../src/conversations/ports.js';
import { RecordingChannel } from './recording-channel.js';
import { pinnedClock } from './golden.js';
import { testIdSecret } from './test-id-secret.js';

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export interface TestApp extends App {
  channel: RecordingChannel;
  clock: ReturnType<typeof pinnedClock>;
}

export interface TestAppOptions {
  logger?: Logger;
  /** Run BullMQ queues and a worker on the test Redis, under a prefix of their own. */
  jobs?: boolean;
  /** Flood control; off unless a test is about it (tests type faster than people). */
  flood?: FloodSettings;
  /** How often the app looks for texts another process changed. */
  texts?: AppOptions['texts'];
  /** Outbox lease and sweep settings (short leases for tests of a sender that died). */
  outbox?: OutboxOptions;
  /** Another identity secret than the test run's (to test that it is refused). */
  idSecret?: string;
}

/**
 * Queues under a prefix of their own. Tests run maintenance themselves, on the pinned clock:
 * a scheduled run (its first one at once) would race them, queueing a follow-up a worker
 * claims before the test looks for what is due.
 */
function testJobs() {
  return {
    redisUrl: inject('redisUrl'),
    prefix: `test-${randomUUID()}`,
    maintenanceEveryMs: false as const,
  };
}

export async function createTestApp(
  databaseUrl: string,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const clock = pinnedClock();
  const app = await createApp(
    {
      databaseUrl,
      dataDir: '/nonexistent',
      defaultLanguage: 'nl',
      idSecret: options.idSecret ?? testIdSecret,
    },
    options.logger ?? silentLogger,
    {
      flood: options.flood ?? false,
      clock: clock.now,
      ...(options.texts ? { texts: options.texts } : {}),
      ...(options.outbox ? { outbox: options.outbox } : {}),
      ...(options.jobs ? { jobs: testJobs() } : {}),
    },
  );
  const channel = new RecordingChannel(simulatorChannel);
  app.router.add(channel);
  return { ...app, channel, clock };
}
