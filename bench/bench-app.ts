/**
 * Bloei's real app for a benchmark, built like the tests build it (`tests/support/test-app.ts`):
 * the composition of `createApp`, a pinned clock, a silent logger and recording channels in
 * place of Telegram and the simulator. Unlike the test app it takes every `createApp` option,
 * so a benchmark can run the job queues on the bench Redis with its own send rate.
 */
import { createApp, type App, type AppOptions } from '../src/app.js';
import { simulatorChannel } from '../src/bots/simulator/to-inbound.js';
import { pinnedClock } from '../tests/support/golden.js';
import { RecordingChannel } from '../tests/support/recording-channel.js';
import { silentLogger } from '../tests/support/test-app.js';
import { testIdSecret } from '../tests/support/test-id-secret.js';

export interface BenchApp extends App {
  /** What Bloei sent on the simulator channel (named as in the test app, so its drivers fit). */
  channel: RecordingChannel;
  /** What Bloei sent on Telegram. */
  telegram: RecordingChannel;
  clock: ReturnType<typeof pinnedClock>;
}

export async function createBenchApp(
  databaseUrl: string,
  options: AppOptions = {},
): Promise<BenchApp> {
  const clock = pinnedClock();
  const app = await createApp(
    { databaseUrl, dataDir: '/nonexistent', defaultLanguage: 'nl', idSecret: testIdSecret },
    silentLogger,
    { flood: false, clock: clock.now, ...options },
  );
  const channel = new RecordingChannel(simulatorChannel);
  const telegram = new RecordingChannel('telegram');
  app.router.add(channel);
  app.router.add(telegram);
  return { ...app, channel, telegram, clock };
}
