/**
 * Bloei's command line and composition root.
 *   start   run Bloei: the console chat (and later chat channels)
 *   chat    the scripted simulator: one resident message per stdin line
 *   migrate apply database migrations and exit
 *   worker  the job worker: alerts, escalations, Telegram follow-ups
 *   import-cohort FILE [--dry-run]   import former trainees and schedule their follow-ups
 *   verbinder | wijk | checkin   coordinator commands (src/cli/admin.ts)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp, type App } from './app.js';
import type { InboundMessage } from './bots/channel.js';
import { createChannels } from './bots/create-channels.js';
import { SimulatorChannel } from './bots/simulator/simulator-channel.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Logger } from './conversations/ports.js';
import { redisInstallHint, startLocalRedis } from './jobs/local-redis.js';
import { createLogger } from './logger.js';
import { runAdmin } from './cli/admin.js';
import { AdminError } from './handoff/verbinder-admin.js';
import { importCohort } from './followups/import-cohort.js';
import type { QueueName } from './jobs/queues.js';
import { whatsappChannel } from './bots/whatsapp/to-inbound.js';
import { dependencyChecks } from './health/dependency-checks.js';
import { gracefulShutdown } from './health/graceful-shutdown.js';
import { startHealthServer } from './health/health-server.js';
import { InFlightWork } from './health/in-flight-work.js';
import { createWebServer } from './web/web-server.js';

async function chat(config: Config, logger: Logger, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.user) throw new ConfigError('chat: --user <id> is required');
  // A script types faster than any person: no flood control for the scripted simulator.
  const app = await createApp(config, logger, { flood: false });
  const simulator = new SimulatorChannel({
    userId: values.user,
    input: process.stdin,
    output: process.stdout,
    format: values.json ? 'json' : 'plain',
    ...(values.lang ? { languageHint: values.lang } : {}),
  });
  app.router.add(simulator);
  try {
    await simulator.start((message) => app.handler.handle(message));
    await simulator.finished();
  } finally {
    await app.close();
  }
}

async function start(config: Config, logger: Logger): Promise<void> {
  const redis = config.redisUrl ? null : await startLocalRedis(config.dataDir);
  if (!config.redisUrl && !redis) console.error(redisInstallHint);
  const redisUrl = config.redisUrl ?? redis?.url;
  const app = await createApp(config, logger, {
    flood: config.flood,
    ...(redisUrl ? { jobs: jobOptions(config, redisUrl) } : {}),
  });
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
  const sink = (message: InboundMessage) => inFlight.track(() => app.handler.handle(message));
  for (const channel of await createChannels(config, logger, app.translator)) {
    app.router.add(channel);
    await channel.start(sink);
    logger.info({ channel: channel.channel }, 'channel started');
  }
  if (!process.stdin.isTTY) {
    logger.info({}, 'no terminal: the console chat is off; use `npm run chat` for scripts');
    return;
  }
  const simulator = new SimulatorChannel({
    userId: 'console',
    input: process.stdin,
    output: process.stdout,
    interactive: true,
    languageHint: config.defaultLanguage,
  });
  app.router.add(simulator);
  console.log('Bloei is running. Type a message to chat with Bloei, Ctrl+C to stop.');
  await simulator.start(sink);
  await simulator.finished();
  await shutdown.begin('console closed');
}

/** `GET /healthz` of a long-running process, when HEALTH_PORT is set. */
async function startHealth(
  config: Config,
  logger: Logger,
  app: App,
  redisUrl: string | undefined,
): Promise<{ stopping(): void; close(): Promise<void> } | undefined> {
  if (!config.health) return undefined;
  const dependencies = dependencyChecks(app.store, redisUrl);
  const server = await startHealthServer({ ...config.health, checks: dependencies.checks, logger });
  return {
    stopping: () => server.stopping(),
    async close() {
      await server.close();
      await dependencies.close();
    },
  };
}

function jobOptions(config: Config, redisUrl: string, queues?: readonly QueueName[]) {
  return {
    redisUrl,
    prefix: config.queuePrefix,
    maintenanceEveryMs: config.maintenanceEveryMs,
    lockMs: config.jobLockMs,
    escalation: config.escalation,
    followUps: config.followUps,
    retention: {
      contactMonths: config.retention.contactMonths,
      handoffMonths: config.retention.handoffMonths,
    },
    limits: config.limits,
    ...(queues ? { queues } : {}),
  };
}

/**
 * The worker process: the maintenance scheduler and Telegram follow-ups, sending through
 * Telegram without polling (it sweeps the Telegram outbox too). WhatsApp messages go out
 * from the process that holds the WhatsApp session (`npm start` with WHATSAPP_ENABLED).
 */
async function worker(config: Config, logger: Logger): Promise<void> {
  if (!config.redisUrl) throw new ConfigError('worker: REDIS_URL is required');
  const queues: QueueName[] = ['maintenance', 'followups-telegram'];
  const app = await createApp(config, logger, {
    jobs: jobOptions(config, config.redisUrl, queues),
  });
  for (const channel of await createChannels(
    { ...config, whatsapp: undefined },
    logger,
    app.translator,
  )) {
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
  logger.info({ queues }, 'worker started');
}

/**
 * The staff dashboard (`web`): inbox, WIJ match board, talents, indicators and coordinator
 * tools. It runs no jobs: what it tells residents waits on their channel's queue for the
 * process that can send it (the worker for Telegram, the bot for WhatsApp).
 */
async function web(config: Config, logger: Logger): Promise<void> {
  const app = await createApp(config, logger, {
    ...(config.redisUrl ? { jobs: jobOptions(config, config.redisUrl, []) } : {}),
  });
  for (const channel of await createChannels(
    { ...config, whatsapp: undefined },
    logger,
    app.translator,
  )) {
    app.router.add(channel);
  }
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
}

async function importCohortFile(config: Config, logger: Logger, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new ConfigError('import-cohort: give the CSV file, e.g. examples/cohort.csv');
  const app = await createApp(config, logger);
  try {
    const report = await importCohort(app.store, readFileSync(file, 'utf8'), {
      languages: app.translator.languages,
      now: new Date(),
      dryRun: values['dry-run'],
      window: config.followUps.window,
      onProgress: (done, total) => process.stderr.write(`\r${done}/${total} rows`),
    });
    process.stderr.write('\n');
    if (!report.ok) {
      for (const error of report.errors) console.error(error);
      console.error(`Nothing was imported: ${report.errors.length} problem(s).`);
      process.exitCode = 1;
      return;
    }
    const verb = values['dry-run'] ? 'Would import' : 'Imported';
    console.log(
      `${verb} ${report.rows} rows: ${report.newContacts} new contacts, ${report.newEnrolments} new enrolments (${report.late} late follow-ups, sent at the next allowed slot).`,
    );
  } finally {
    await app.close();
  }
}

async function migrate(config: Config, logger: Logger): Promise<void> {
  const app = await createApp(config, logger);
  await app.close();
}

async function admin(config: Config, logger: Logger, argv: string[]): Promise<void> {
  const app = await createApp(config, logger);
  try {
    const readSecret = async () => {
      let text = '';
      for await (const chunk of process.stdin) text += String(chunk);
      return text.split('\n')[0] ?? '';
    };
    await runAdmin(app.prisma, argv, (line) => console.log(line), new Date(), readSecret);
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  const config = loadConfig();
  // Info logs for services; a person chatting on the console sees only warnings.
  const longRunning =
    (command === 'start' && !process.stdin.isTTY) || command === 'worker' || command === 'web';
  const logger = createLogger(config.logLevel ?? (longRunning ? 'info' : 'warn'));
  switch (command) {
    case 'start':
      return start(config, logger);
    case 'chat':
      return chat(config, logger, rest);
    case 'migrate':
      return migrate(config, logger);
    case 'worker':
      return worker(config, logger);
    case 'web':
      return web(config, logger);
    case 'import-cohort':
      return importCohortFile(config, logger, rest);
    case 'verbinder':
    case 'wijk':
    case 'checkin':
      return admin(config, logger, [command, ...rest]);
    default:
      throw new ConfigError(
        `unknown command ${command}; use start, worker, web, chat, import-cohort, migrate, verbinder, wijk or checkin`,
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AdminError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
