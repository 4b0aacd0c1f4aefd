/**
 * Wires Bloei's pieces together: database, translations, flows, the inbound handler and
 * the channel router. `main.ts` and the tests build the app the same way.
 */
import { InboundHandler } from './conversations/inbound-handler.js';
import type { FloodSettings } from './conversations/flood-control.js';
import type { HandoffNotifier, Logger, Translator } from './conversations/ports.js';
import { dueEscalations, type EscalationSettings } from './handoff/escalate-handoffs.js';
import { HandoffAlerts } from './handoff/handoff-alerts.js';
import { ResidentNotices } from './handoff/resident-notices.js';
import { PrismaStaffDesk } from './handoff/staff-desk.js';
import type { JobConnection, JobQueues } from './jobs/job-queues.js';
import { sendDueInvitations } from './invitations/send-due-invitations.js';
import { applyRetention, type RetentionSettings } from './privacy/apply-retention.js';
import { FollowUpDelivery, type FollowUpSettings } from './followups/follow-up-delivery.js';
import { queueNames, type FollowUpJob, type QueueLimits, type QueueName } from './jobs/queues.js';
import { ChannelRouter } from './bots/channel-router.js';
import { WebchatChannel } from './bots/webchat/webchat-channel.js';
import type { Config } from './config.js';
import { loadFlows } from './flows/definitions/index.js';
import type { FlowRegistry } from './flows/engine.js';
import { flattenLocales, loadLocales } from './i18n/load-locales.js';
import { readSourceHashes, shippedSources } from './i18n/source-hashes.js';
import { createTranslator } from './i18n/translator.js';
import { openDatabase, type DatabaseProgress } from './store/open-database.js';
import type { PrismaClient } from './store/prisma-client.js';
import { PrismaConversationStore } from './store/prisma-conversation-store.js';
import { PrismaTextRepository } from './store/text-repository.js';
import { PrismaWebchatTranscript } from './store/prisma-webchat-transcript.js';
import { LiveTexts } from './texts/live-texts.js';
import { TextEditor } from './texts/text-editor.js';

export interface App {
  prisma: PrismaClient;
  router: ChannelRouter;
  handler: InboundHandler;
  translator: Translator;
  flows: FlowRegistry;
  alerts: HandoffAlerts;
  /** What residents hear about their hand-off (claimed, closed). */
  notices: ResidentNotices;
  /** The queues, when Redis is configured; without them alerts go out at once, unscheduled. */
  jobs: JobQueues | null;
  /**
   * What the maintenance job does every minute: reminders and escalations of unclaimed
   * hand-offs, and invitations that are due.
   */
  maintenance(): Promise<{
    escalations: number;
    invitations: number;
    followUps: number;
    retention: { erased: number; handoffsCleared: number };
  }>;
  followUps: FollowUpDelivery;
  /** The texts editor: browse, edit, revert residents' texts, served without a restart. */
  texts: TextEditor;
  /** The texts this process serves; `refresh()` checks for other processes' changes now. */
  liveTexts: LiveTexts;
  /**
   * The dashboard's test chat. On the router of every process, so whichever process sends a
   * test resident a message, it reaches the page; the web process starts it.
   */
  webchat: WebchatChannel;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Per-resident message budget; false switches flood control off. */
  flood?: FloodSettings | false;
  clock?: () => Date;
  newId?: () => string;
  /** Redis for BullMQ: alert delivery with retries, escalation, follow-ups. */
  jobs?: JobConnection & {
    escalation?: EscalationSettings;
    followUps?: FollowUpSettings;
    retention?: RetentionSettings;
    limits?: QueueLimits;
    /** Which queues this process works on; none runs no worker (default: all). */
    queues?: readonly QueueName[];
    maintenanceEveryMs?: number;
    /** How long a job stays locked to its worker (BullMQ's lock; default 30 s). */
    lockMs?: number;
  };
  /** How often this process looks for texts changed by another one (see live-texts.ts). */
  texts?: { refreshEveryMs?: number; tickMs?: number };
  /** Hears each step of getting the database ready (slow on the embedded one's first start). */
  progress?: (event: DatabaseProgress) => void;
}

export async function createApp(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'defaultLanguage'>,
  logger: Logger,
  options: AppOptions = {},
): Promise<App> {
  const database = await openDatabase(config, options.progress);
  if (database.applied.length > 0) {
    logger.info({ migrations: database.applied }, 'database migrated');
  }
  const locales = loadLocales();
  const translator = await createTranslator(locales, config.defaultLanguage);
  const flows = loadFlows();
  const router = new ChannelRouter();
  const { prisma } = database;
  const clock = options.clock ?? (() => new Date());
  const webchat = new WebchatChannel(new PrismaWebchatTranscript(prisma), clock);
  router.add(webchat);
  const textStore = new PrismaTextRepository(prisma);
  const liveTexts = new LiveTexts({
    store: textStore,
    shipped: flattenLocales(locales),
    shippedSources: shippedSources(readSourceHashes()),
    apply: (catalog) => translator.applyOverrides(catalog.allOverrides()),
    clock,
    ...options.texts,
    onError: (error) => logger.warn({ err: error.message }, 'text overrides not refreshed'),
    onRecovered: () => logger.info({}, 'text overrides refreshed again'),
  });
  try {
    await liveTexts.refresh();
  } catch (error) {
    await database.close();
    throw error;
  }
  liveTexts.start();
  const texts = new TextEditor({ store: textStore, live: liveTexts, flows, clock });
  const alerts = new HandoffAlerts({ prisma, translator, flows, outbound: router, logger, clock });
  // BullMQ takes a second to load: only a process with Redis loads it.
  const bullmq = options.jobs
    ? { ...(await import('./jobs/job-queues.js')), ...(await import('./jobs/job-worker.js')) }
    : null;
  const jobs = options.jobs && bullmq ? new bullmq.JobQueues(options.jobs) : null;
  const inline: HandoffNotifier = {
    raised: (id) =>
      alerts.deliver(id, 'new').then(
        () => undefined,
        (error: Error) => logger.error({ err: error.message }, 'hand-off alert failed'),
      ),
  };
  const notices = new ResidentNotices({
    prisma,
    translator,
    outbound: router,
    queue: jobs ? (channel, notice) => jobs.notice(channel, notice) : null,
  });
  const store = new PrismaConversationStore(prisma);
  const handler = new InboundHandler({
    store,
    translator,
    flows,
    outbound: router,
    logger,
    defaultLanguage: config.defaultLanguage,
    handoffs: jobs ?? inline,
    staff: new PrismaStaffDesk(prisma, translator, notices),
    clock,
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.flood !== undefined ? { flood: options.flood } : {}),
  });
  const sendInvitations = () => sendDueInvitations(prisma, handler, clock());
  const followUps = new FollowUpDelivery({
    prisma,
    store,
    handler,
    handoffs: jobs ?? inline,
    logger,
    clock,
    ...(options.jobs?.followUps ? { settings: options.jobs.followUps } : {}),
  });
  const maintenance = async () => {
    const due = await dueEscalations(prisma, clock(), options.jobs?.escalation);
    for (const { handoffId, kind } of due) {
      if (jobs) await jobs.alert(handoffId, kind);
      else await alerts.deliver(handoffId, kind);
    }
    const dueFollowUps = jobs ? await jobs.followUps(await followUps.due()) : 0;
    return {
      escalations: due.length,
      invitations: await sendInvitations(),
      followUps: dueFollowUps,
      retention: await applyRetention(prisma, clock(), options.jobs?.retention),
    };
  };
  const deliverFollowUp = ({ followUpId, stage }: FollowUpJob) =>
    followUps.deliver(followUpId, stage);
  const queues = options.jobs?.queues ?? queueNames;
  const worker =
    jobs && bullmq && queues.length > 0
      ? new bullmq.JobWorker(
          jobs.connection,
          {
            'handoff-alerts': ({ handoffId, kind }) => alerts.deliver(handoffId, kind),
            maintenance,
            'followups-telegram': deliverFollowUp,
            'followups-whatsapp': deliverFollowUp,
            'notices-telegram': (notice) => notices.deliver(notice),
            'notices-whatsapp': (notice) => notices.deliver(notice),
          },
          logger,
          {
            queues,
            ...(options.jobs?.limits ? { limits: options.jobs.limits } : {}),
            ...(options.jobs?.lockMs ? { lockMs: options.jobs.lockMs } : {}),
          },
        )
      : null;
  if (worker) await jobs?.scheduleMaintenance(options.jobs?.maintenanceEveryMs);
  return {
    prisma,
    router,
    handler,
    translator,
    flows,
    alerts,
    notices,
    jobs,
    maintenance,
    followUps,
    texts,
    liveTexts,
    webchat,
    async close() {
      await liveTexts.stop();
      await worker?.close();
      await jobs?.close();
      await Promise.allSettled(router.channels.map((c) => c.stop()));
      await database.close();
    },
  };
}
