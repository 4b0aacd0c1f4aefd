/**
 * Wires Bloei's pieces together: database, translations, flows, the inbound handler and
 * the channel router. `main.ts` and the tests build the app the same way.
 */
import { InboundHandler } from './conversations/inbound-handler.js';
import type { Logger, Translator } from './conversations/ports.js';
import { ChannelRouter } from './bots/channel-router.js';
import type { Config } from './config.js';
import { loadFlows } from './flows/definitions/index.js';
import type { FlowRegistry } from './flows/engine.js';
import { loadLocales } from './i18n/load-locales.js';
import { createTranslator } from './i18n/translator.js';
import { applyMigrations } from './store/migrate.js';
import { createPrismaClient, type PrismaClient } from './store/prisma-client.js';
import { PrismaConversationStore } from './store/prisma-conversation-store.js';

export interface App {
  prisma: PrismaClient;
  router: ChannelRouter;
  handler: InboundHandler;
  translator: Translator;
  flows: FlowRegistry;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: () => Date;
  newId?: () => string;
}

export async function createApp(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'defaultLanguage'>,
  logger: Logger,
  options: AppOptions = {},
): Promise<App> {
  const database = await createPrismaClient(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, dataDir: config.dataDir }
      : { dataDir: config.dataDir },
  );
  try {
    const applied = await applyMigrations(database.prisma);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await database.close();
    throw error;
  }
  const translator = await createTranslator(loadLocales(), config.defaultLanguage);
  const flows = loadFlows();
  const router = new ChannelRouter();
  const handler = new InboundHandler({
    store: new PrismaConversationStore(database.prisma),
    translator,
    flows,
    outbound: router,
    logger,
    defaultLanguage: config.defaultLanguage,
    ...options,
  });
  return {
    prisma: database.prisma,
    router,
    handler,
    translator,
    flows,
    async close() {
      await Promise.allSettled(router.channels.map((c) => c.stop()));
      await database.close();
    },
  };
}
