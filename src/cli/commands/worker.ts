/** `worker`: the job worker as a process of its own. */
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'worker',
  summary: 'the job worker: hand-off alerts, escalations, maintenance, Telegram follow-ups',
  description: [
    'Needs REDIS_URL. Sends through Telegram without polling; WhatsApp follow-ups need the',
    'WhatsApp session and run in the process that has it (`start` with WHATSAPP_ENABLED).',
    'Stops gracefully on SIGTERM or Ctrl+C: takes no new jobs, finishes the running ones.',
  ].join(' '),
  logs: 'service',
  async run({ config, logger, progress }) {
    const { ConfigError } = await import('../../errors/config-error.js');
    if (!config.redisUrl) throw new ConfigError('worker: REDIS_URL is required');
    const { createApp } = await import('../../app.js');
    const { createSharedChannels } = await import('../../bots/create-channels.js');
    const { gracefulShutdown } = await import('../../health/graceful-shutdown.js');
    const { jobOptions, startHealth } = await import('../service-parts.js');
    const { sharedQueueNames } = await import('../../jobs/queues.js');
    const app = await createApp(config, logger, {
      jobs: jobOptions(config, config.redisUrl, sharedQueueNames),
      progress,
    });
    for (const channel of await createSharedChannels(config, logger, app.translator)) {
      app.router.add(channel);
    }
    const health = await startHealth(config, logger, app, config.redisUrl);
    gracefulShutdown(
      async () => {
        health?.stopping();
        // Takes no new jobs, lets the running ones finish, then closes the database.
        await app.close();
        await health?.close();
      },
      { logger, timeoutMs: config.shutdownTimeoutMs },
    );
    logger.info({ queues: sharedQueueNames }, 'worker started');
  },
});
