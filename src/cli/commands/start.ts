/** `start`: Bloei itself, with the console chat when run in a terminal. */
import type { Readable } from 'node:stream';
import type { App } from '../../app.js';
import type { InboundMessage } from '../../bots/channel.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'start',
  summary: 'run Bloei: the chat channels, the jobs and, in a terminal, the console chat',
  description: [
    'Uses DATABASE_URL if set, otherwise the embedded database in BLOEI_DATA_DIR (./.data). ' +
      'Starts a private redis-server for scheduled jobs when REDIS_URL is not set and one is ' +
      'installed. Telegram and WhatsApp run when configured (see README).',
    'In a terminal you chat with Bloei yourself, as a resident; /verbinder plays a demo ' +
      'verbinder who receives your hand-offs, /inwoner goes back. Logs then go to ' +
      '<BLOEI_DATA_DIR>/bloei.log. Ctrl+C (or SIGTERM) stops gracefully.',
  ].join('\n\n'),
  logs: 'console',
  async run({ config, logger, progress, stdin, stdout, stderr, now }) {
    const { createApp } = await import('../../app.js');
    const { createChannels } = await import('../../bots/create-channels.js');
    const { whatsappChannel } = await import('../../bots/whatsapp/to-inbound.js');
    const { gracefulShutdown } = await import('../../health/graceful-shutdown.js');
    const { InFlightWork } = await import('../../health/in-flight-work.js');
    const { redisInstallHint, startLocalRedis } = await import('../../jobs/local-redis.js');
    const { consoleLogFile } = await import('../../logger.js');
    const { jobOptions, startHealth } = await import('../service-parts.js');
    const { ConsoleChat } = await import('../console/console-chat.js');
    const { demoVerbinder, linkDemoVerbinder } = await import('../console/demo-verbinder.js');
    const { welcomeText } = await import('../console/welcome-text.js');
    const { readExampleKaart } = await import('../example-kaart.js');

    const terminal = (stdin as Readable & { isTTY?: boolean }).isTTY
      ? new ConsoleChat({
          input: stdin,
          output: stdout,
          users: { resident: 'console', verbinder: demoVerbinder.userId },
          languageHint: config.defaultLanguage,
          terminal: true,
        })
      : null;
    let stopOnceReady = false;
    terminal?.onInterrupt(() => {
      stopOnceReady = true;
      terminal.say('Bloei stops as soon as the database is ready.');
    });
    terminal?.say('Starting Bloei…');

    const redis = config.redisUrl ? null : await startLocalRedis(config.dataDir);
    const jobsOff = !config.redisUrl && !redis ? redisInstallHint : undefined;
    if (jobsOff && !terminal) stderr.write(`${jobsOff}\n`);
    const redisUrl = config.redisUrl ?? redis?.url;
    let app: App;
    try {
      // On the embedded database (trying Bloei out) an empty kaart gets the example places.
      const example = config.databaseUrl ? null : await readExampleKaart();
      app = await createApp(config, logger, {
        flood: config.flood,
        ...(example ? { kaart: { example } } : {}),
        ...(redisUrl ? { jobs: jobOptions(config, redisUrl) } : {}),
        progress,
      });
    } catch (error) {
      await terminal?.stop();
      await redis?.stop();
      throw error;
    }
    const health = await startHealth(config, logger, app, redisUrl);
    const inFlight = new InFlightWork();
    const shutdown = gracefulShutdown(
      async () => {
        health?.stopping();
        // Stop taking updates first: Telegram finishes the updates it has in hand. WhatsApp keeps
        // its browser until the messages in hand are answered, because replies go out through it.
        await Promise.allSettled(
          app.router.channels.filter((c) => c.channel !== whatsappChannel).map((c) => c.stop()),
        );
        await inFlight.idle();
        // Running jobs finish, then WhatsApp, the queues and the database close.
        await app.close();
        await redis?.stop();
        await health?.close();
      },
      { logger, timeoutMs: config.shutdownTimeoutMs },
    );
    let stopping: Promise<void> | undefined;
    const stop = (reason: string) => {
      if (!stopping) terminal?.say('Stopping Bloei…');
      stopping ??= shutdown.begin(reason);
      return stopping;
    };
    terminal?.onInterrupt(() => void stop('Ctrl+C'));
    const sink = (message: InboundMessage) => inFlight.track(() => app.handler.handle(message));
    const { PrismaInboundSpool } = await import('../../store/prisma-inbound-spool.js');
    const spool = new PrismaInboundSpool(app.prisma);
    for (const channel of await createChannels(config, logger, app.translator, spool)) {
      app.router.add(channel);
      await channel.start(sink);
      logger.info({ channel: channel.channel }, 'channel started');
    }
    if (!terminal) {
      logger.info({}, 'no terminal: the console chat is off; use `npm run chat` for scripts');
      return;
    }
    if (stopOnceReady) return stop('Ctrl+C');
    const verbinder = config.databaseUrl
      ? undefined
      : await linkDemoVerbinder(app.prisma, {
          channel: terminal.channel,
          language: config.defaultLanguage,
          now: now(),
        });
    if (verbinder) terminal.playVerbinder(verbinder.name);
    app.router.add(terminal);
    terminal.say(
      welcomeText({
        logFile: consoleLogFile(config.dataDir),
        verbinder: verbinder?.name,
        ...(jobsOff ? { jobsOff } : {}),
      }),
    );
    await terminal.start(sink);
    await terminal.finished();
    await stop('console closed');
  },
});
