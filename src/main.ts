/**
 * Bloei's command line and composition root.
 *   start   run Bloei: the console chat (and later chat channels)
 *   chat    the scripted simulator: one resident message per stdin line
 *   migrate apply database migrations and exit
 *   verbinder | wijk | checkin   coordinator commands (src/cli/admin.ts)
 */
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import type { InboundMessage } from './bots/channel.js';
import { createChannels } from './bots/create-channels.js';
import { SimulatorChannel } from './bots/simulator/simulator-channel.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Logger } from './conversations/ports.js';
import { redisInstallHint, startLocalRedis } from './jobs/local-redis.js';
import { createLogger } from './logger.js';
import { runAdmin } from './cli/admin.js';
import { AdminError } from './handoff/verbinder-admin.js';

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
  const app = await createApp(config, logger);
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
  const app = await createApp(
    config,
    logger,
    redisUrl ? { jobs: { redisUrl, escalation: config.escalation } } : {},
  );
  const shutdown = async () => {
    await app.close();
    await redis?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const sink = (message: InboundMessage) => app.handler.handle(message);
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
  await shutdown();
}

async function migrate(config: Config, logger: Logger): Promise<void> {
  const app = await createApp(config, logger);
  await app.close();
}

async function admin(config: Config, logger: Logger, argv: string[]): Promise<void> {
  const app = await createApp(config, logger);
  try {
    await runAdmin(app.prisma, argv, (line) => console.log(line));
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  const config = loadConfig();
  const logger = createLogger(config.logLevel ?? (command === 'start' ? 'info' : 'warn'));
  switch (command) {
    case 'start':
      return start(config, logger);
    case 'chat':
      return chat(config, logger, rest);
    case 'migrate':
      return migrate(config, logger);
    case 'verbinder':
    case 'wijk':
    case 'checkin':
      return admin(config, logger, [command, ...rest]);
    default:
      throw new ConfigError(
        `unknown command ${command}; use start, chat, migrate, verbinder, wijk or checkin`,
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
