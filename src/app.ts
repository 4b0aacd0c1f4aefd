/**
 * Wires Bloei's pieces together: database, translations, flows, the inbound handler and
 * the channel router. `main.ts` and the tests build the app the same way.
 */
import { InboundHandler } from './conversations/inbound-handler.js';
import type { HandoffNotifier, Logger, Translator } from './conversations/ports.js';
import { dueEscalations, type EscalationSettings } from './handoff/escalate-handoffs.js';
import { HandoffAlerts } from './handoff/handoff-alerts.js';
import { PrismaStaffDesk } from './handoff/staff-desk.js';
import { JobQueues, type JobConnection } from './jobs/job-queues.js';
import { JobWorker } from './jobs/job-worker.js';
import { sendDueInvitations } from './invitations/send-due-invitations.js';
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
  alerts: HandoffAlerts;
  /** The queues, when Redis is configured; without them alerts go out at once, unscheduled. */
  jobs: JobQueues | null;
  /**
   * What the maintenance job does every minute: reminders and escalations of unclaimed
   * hand-offs, and invitations that are due.
   */
  maintenance(): Promise<{ escalations: number; invitations: number }>;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: () => Date;
  newId?: () => string;
  /** Redis for BullMQ: alert delivery with retries, escalation of unclaimed hand-offs. */
  jobs?: JobConnection & { escalation?: EscalationSettings; worker?: boolean };
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
  const { prisma } = database;
  const clock = options.clock ?? (() => new Date());
  const alerts = new HandoffAlerts({ prisma, translator, flows, outbound: router, logger, clock });
  const jobs = options.jobs ? new JobQueues(options.jobs) : null;
  const inline: HandoffNotifier = {
    raised: (id) =>
      alerts.deliver(id, 'new').then(
        () => undefined,
        (error: Error) => logger.error({ err: error.message }, 'hand-off alert failed'),
      ),
  };
  const handler = new InboundHandler({
    store: new PrismaConversationStore(prisma),
    translator,
    flows,
    outbound: router,
    logger,
    defaultLanguage: config.defaultLanguage,
    handoffs: jobs ?? inline,
    staff: new PrismaStaffDesk(prisma, translator),
    clock,
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const sendInvitations = () => sendDueInvitations(prisma, handler, clock());
  const maintenance = async () => {
    const due = await dueEscalations(prisma, clock(), options.jobs?.escalation);
    for (const { handoffId, kind } of due) {
      if (jobs) await jobs.alert(handoffId, kind);
      else await alerts.deliver(handoffId, kind);
    }
    return { escalations: due.length, invitations: await sendInvitations() };
  };
  const worker =
    jobs && options.jobs?.worker !== false
      ? new JobWorker(
          jobs.connection,
          {
            'handoff-alerts': ({ handoffId, kind }) => alerts.deliver(handoffId, kind),
            maintenance,
          },
          logger,
        )
      : null;
  if (worker) await jobs?.scheduleMaintenance();
  return {
    prisma,
    router,
    handler,
    translator,
    flows,
    alerts,
    jobs,
    maintenance,
    async close() {
      await worker?.close();
      await jobs?.close();
      await Promise.allSettled(router.channels.map((c) => c.stop()));
      await database.close();
    },
  };
}
