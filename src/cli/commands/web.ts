/** `web`: the staff dashboard. */
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'web',
  summary: 'the staff dashboard for verbinders and coordinators (http://127.0.0.1:8080)',
  description: [
    'Inbox, WIJ match board, talents, indicators and coordinator tools. It runs no jobs: what',
    'it tells residents waits on their channel’s queue for the process that can send it (the',
    'worker for Telegram, the bot for WhatsApp). WEB_PORT and WEB_HOST say where it listens;',
    'WEB_SECURE_COOKIES=false only for plain http on your own machine.',
  ].join(' '),
  examples: ['WEB_SECURE_COOKIES=false npm run bloei -- web'],
  logs: 'service',
  async run({ config, logger, progress }) {
    const { createApp } = await import('../../app.js');
    const { createSharedChannels } = await import('../../bots/create-channels.js');
    const { gracefulShutdown } = await import('../../health/graceful-shutdown.js');
    const { createWebServer } = await import('../../web/web-server.js');
    const { jobOptions } = await import('../service-parts.js');
    const app = await createApp(config, logger, {
      ...(config.redisUrl ? { jobs: jobOptions(config, config.redisUrl, []) } : {}),
      progress,
    });
    for (const channel of await createSharedChannels(config, logger, app.translator)) {
      app.router.add(channel);
    }
    // The dashboard's test chat is handled here, in the process that serves its page.
    await app.webchat.start((message) => app.handler.handle(message));
    const server = await createWebServer({
      prisma: app.prisma,
      store: app.store,
      translator: app.translator,
      flows: app.flows,
      handoffActions: app.handoffActions,
      logger,
      clock: () => new Date(),
      jobs: app.jobs,
      defaultLanguage: config.defaultLanguage,
      secureCookies: config.web.secureCookies,
      trustProxy: config.web.trustProxy,
      texts: app.texts,
      webchat: app.webchat,
    });
    await server.listen({ port: config.web.port, host: config.web.host });
    gracefulShutdown(
      async () => {
        await server.close();
        await app.close();
      },
      { logger, timeoutMs: config.shutdownTimeoutMs },
    );
    logger.info({ port: config.web.port }, 'web dashboard started');
  },
});
