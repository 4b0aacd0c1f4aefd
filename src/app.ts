/**
 * Wires Bloei's pieces together: database, translations, flows, the inbound handler, the
 * outbox sender and the channel router. `main.ts` and the tests build the app the same way.
 */
import { chatOf, useIdentitySecret } from './conversations/identity-key.js';
import { InboundHandler } from './conversations/inbound-handler.js';
import type { FloodSettings } from './conversations/flood-control.js';
import { OutboxKinds } from './conversations/outbox-kinds.js';
import type { ChatAddress } from './conversations/outbox-ports.js';
import { OutboxSender } from './conversations/outbox-sender.js';
import { MemoryPaceBucket } from './conversations/memory-pace-bucket.js';
import { SendPacer, type SendPacing } from './conversations/send-pacer.js';
import type { Logger, Translator } from './conversations/ports.js';
import type { EscalationSettings } from './handoff/escalate-handoffs.js';
import { HandoffActions } from './handoff/handoff-actions.js';
import { HandoffAlerts, handoffAlertKind } from './handoff/handoff-alerts.js';
import { handoffOpener } from './handoff/open-handoff.js';
import { withoutTestResidents } from './handoff/test-resident-handoffs.js';
import { ResidentNotices, residentNoticeKind } from './handoff/resident-notices.js';
import { ChatStaffDesk } from './handoff/staff-desk.js';
import {
  RelayToResident,
  RelayToStaff,
  relayToResidentKind,
  relayToStaffKind,
} from './handoff/relay-kinds.js';
import { residentRelay } from './handoff/resident-relay.js';
import type { JobConnection, JobQueues } from './jobs/job-queues.js';
import { jobHandlers, maintenanceHandler, type MaintenanceReport } from './jobs/handlers/index.js';
import type { RetentionSettings } from './privacy/apply-retention.js';
import { FollowUpDelivery, type FollowUpSettings } from './followups/follow-up-delivery.js';
import { queueNames, type QueueLimits, type QueueName } from './jobs/queues.js';
import { ChannelRouter } from './bots/channel-router.js';
import { channelPlugins } from './bots/channels.js';
import { WebchatChannel } from './bots/webchat/webchat-channel.js';
import type { Config } from './config.js';
import { loadFlows } from './flows/definitions/index.js';
import type { FlowRegistry } from './flows/engine.js';
import { flattenLocales, loadLocales } from './i18n/load-locales.js';
import { identitySecret } from './privacy/identity-secret.js';
import { readSourceHashes, shippedSources } from './i18n/source-hashes.js';
import { createTranslator } from './i18n/translator.js';
import { ConversationRepository } from './store/conversation-repository.js';
import { openDatabase, type DatabaseProgress } from './store/open-database.js';
import { OutboxRepository } from './store/outbox-repository.js';
import type { PrismaClient } from './store/prisma-client.js';
import type { SqlPool } from './store/sql/sql-client.js';
import { rekeyIdentities } from './store/rekey-identities.js';
import { createStore, type Store } from './store/store.js';
import { PrismaTextRepository } from './store/text-repository.js';
import { PrismaWebchatTranscript } from './store/prisma-webchat-transcript.js';
import { KaartService } from './kaart/kaart-service.js';
import { PrismaOfferRepository } from './store/offer-repository.js';
import { LiveTexts } from './texts/live-texts.js';
import { TextEditor } from './texts/text-editor.js';

export interface App {
  prisma: PrismaClient;
  /** The repositories (rare work, maintenance, the dashboard's actions). */
  store: Store;
  /** The SQL port the message pipeline runs on (its statement count is read by benchmarks). */
  sql: SqlPool;
  router: ChannelRouter;
  handler: InboundHandler;
  translator: Translator;
  flows: FlowRegistry;
  alerts: HandoffAlerts;
  /** What residents hear about their hand-off (claimed, closed). */
  notices: ResidentNotices;
  /** Claiming and closing hand-offs, from a chat or the dashboard; tells the resident. */
  handoffActions: HandoffActions;
  /** The outbox on the SQL port, and what sends from it. */
  outbox: OutboxRepository;
  sender: OutboxSender;
  /** Each channel's send budget, when pacing is configured (what waits for it can be read). */
  pacer: SendPacer | undefined;
  /** The queues, when Redis is configured; without them follow-ups are not scheduled. */
  jobs: JobQueues | null;
  /**
   * What the maintenance job does every minute: reminders and escalations of unclaimed
   * hand-offs, alerts that reached nobody raised again, invitations and follow-ups that are
   * due, retention, and a sweep of the outbox.
   */
  maintenance(): Promise<MaintenanceReport>;
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
  /** The sociale kaart: offers in storage, and the catalogue residents' chats look them up in. */
  offers: PrismaOfferRepository;
  kaart: KaartService;
  close(): Promise<void>;
}

export interface OutboxOptions {
  /** How long a sender's lease on a chat lasts before another may take over (default 10 s). */
  leaseSeconds?: number;
  /** How often this process looks for chats whose messages wait (default 1 s). */
  sweepEveryMs?: number;
  /** How long a hand-off alert may take to reach someone before it is raised again. */
  reraiseAfterMs?: number;
}

export interface AppOptions {
  /** Per-resident message budget; false switches flood control off. */
  flood?: FloodSettings | false;
  clock?: () => Date;
  newId?: () => string;
  outbox?: OutboxOptions;
  /** Redis for BullMQ: escalation checks and follow-ups. */
  jobs?: JobConnection & {
    escalation?: EscalationSettings;
    followUps?: FollowUpSettings;
    retention?: RetentionSettings;
    limits?: QueueLimits;
    /** Which queues this process works on; none runs no worker (default: all). */
    queues?: readonly QueueName[];
    /** How often maintenance runs on its own; false: only when `maintenance()` is called. */
    maintenanceEveryMs?: number | false;
    /** How long a job stays locked to its worker (BullMQ's lock; default 30 s). */
    lockMs?: number;
  };
  /** How often this process looks for texts changed by another one (see live-texts.ts). */
  texts?: { refreshEveryMs?: number; tickMs?: number };
  /** Hears each step of getting the database ready (slow on the embedded one's first start). */
  progress?: (event: DatabaseProgress) => void;
  kaart?: {
    /** A kaart file (CSV) imported when the kaart is empty: the example, on a first run. */
    example?: string | null;
    /** How often this process looks for kaart changes made by another one (default 10 s). */
    refreshEveryMs?: number;
  };
}

export async function createApp(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'defaultLanguage' | 'idSecret'> & {
    /** Each channel's send budget (`Config.pacing`); without it nothing is paced. */
    pacing?: SendPacing;
  },
  logger: Logger,
  options: AppOptions = {},
): Promise<App> {
  const secret = await identitySecret(config);
  const database = await openDatabase(config, options.progress);
  if (database.applied.length > 0) {
    logger.info({ migrations: database.applied }, 'database migrated');
  }
  try {
    const rekeyed = await rekeyIdentities(database.prisma, secret);
    if (rekeyed) logger.info({ rekeyed }, 'identity keys made with the secret');
  } catch (error) {
    await database.close();
    throw error;
  }
  useIdentitySecret(secret);
  const locales = loadLocales();
  const translator = await createTranslator(locales, config.defaultLanguage);
  const flows = loadFlows();
  const router = new ChannelRouter();
  const { prisma, sql } = database;
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
  const leaseSeconds = options.outbox?.leaseSeconds ?? 10;
  const store = createStore(prisma, { leaseSeconds });
  const conversations = new ConversationRepository(sql, prisma, { leaseSeconds });
  const outbox = new OutboxRepository(sql, leaseSeconds);
  const alerts = new HandoffAlerts({ store, translator, flows, clock });
  const notices = new ResidentNotices({ store, translator });
  const kinds = new OutboxKinds()
    .register(handoffAlertKind, alerts)
    .register(residentNoticeKind, notices);
  // The relay kinds tell a verbinder of an undelivered answer through the sender itself.
  const kick = (chats: readonly ChatAddress[]) => sender.kick(chats);
  kinds
    .register(relayToStaffKind, new RelayToStaff({ store, translator, send: kick, clock }))
    .register(relayToResidentKind, new RelayToResident({ store, translator, send: kick, clock }));
  const pacer = await sendPacer(config.pacing, options.jobs);
  const sender = new OutboxSender({
    ...(pacer ? { pacer } : {}),
    store: outbox,
    outbound: router,
    kinds,
    logger,
    channels: () => router.channels.map((c) => c.channel),
    unreachable: (chat) =>
      conversations.transaction((tx) => tx.markUnreachable(chat.channel, chat.address, clock())),
    leaseMs: leaseSeconds * 1000,
    clock,
  });
  const send = (chats: readonly ChatAddress[]) => sender.kick(chats);
  const handoffActions = new HandoffActions({ store, notices, send });
  const offers = new PrismaOfferRepository(prisma);
  // The kaart's nudges go straight to the channels, not through the outbox: they wait for
  // the channel's budget here, behind live replies, like every other message.
  const nudges: Pick<ChannelRouter, 'send'> = pacer
    ? {
        send: async (message) => {
          await pacer.take(
            message.channel,
            'background',
            chatOf(message.channel, message.userId).key,
          );
          return router.send(message);
        },
      }
    : router;
  const kaart = new KaartService({
    store: offers,
    texts: translator,
    outbound: nudges,
    clock,
    log: logger,
    ...(options.kaart?.refreshEveryMs ? { refreshEveryMs: options.kaart.refreshEveryMs } : {}),
  });
  try {
    await kaart.start(options.kaart?.example ?? null);
  } catch (error) {
    await liveTexts.stop();
    await database.close();
    throw error;
  }
  // BullMQ takes a second to load: only a process with Redis loads it.
  const bullmq = options.jobs
    ? { ...(await import('./jobs/job-queues.js')), ...(await import('./jobs/job-worker.js')) }
    : null;
  const jobs = options.jobs && bullmq ? new bullmq.JobQueues(options.jobs) : null;
  const handler = new InboundHandler({
    store: conversations,
    outbox,
    sender,
    translator,
    flows,
    logger,
    defaultLanguage: config.defaultLanguage,
    handoffs: withoutTestResidents(handoffOpener),
    relay: residentRelay,
    staff: new ChatStaffDesk(store, translator, handoffActions),
    kaart: kaart.catalogue,
    clock,
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.flood !== undefined ? { flood: options.flood } : {}),
  });
  const followUps = new FollowUpDelivery({
    store,
    conversations,
    handler,
    handoffs: handoffOpener,
    send,
    logger,
    clock,
    ...(options.jobs?.followUps ? { settings: options.jobs.followUps } : {}),
  });
  const maintenance = maintenanceHandler({
    store,
    alerts,
    handler,
    followUps,
    jobs,
    send,
    sweep: () => sender.sweep(),
    logger,
    clock,
    escalation: options.jobs?.escalation,
    retention: options.jobs?.retention,
    reraiseAfterMs: options.outbox?.reraiseAfterMs,
    kaart,
  });
  const queues = options.jobs?.queues ?? queueNames;
  const worker =
    jobs && bullmq && queues.length > 0
      ? new bullmq.JobWorker(jobs.connection, jobHandlers({ maintenance, followUps }), logger, {
          queues,
          ...(options.jobs?.limits ? { limits: options.jobs.limits } : {}),
          concurrency: followUpConcurrency(config.pacing),
          ...(options.jobs?.lockMs ? { lockMs: options.jobs.lockMs } : {}),
        })
      : null;
  const every = options.jobs?.maintenanceEveryMs;
  if (worker && every !== false) await jobs?.scheduleMaintenance(every);
  sender.start(options.outbox?.sweepEveryMs ?? 1_000);
  return {
    prisma,
    store,
    sql,
    router,
    handler,
    translator,
    flows,
    alerts,
    notices,
    handoffActions,
    outbox,
    sender,
    pacer,
    jobs,
    maintenance,
    followUps,
    texts,
    liveTexts,
    webchat,
    offers,
    kaart,
    async close() {
      await liveTexts.stop();
      await kaart.stop();
      await worker?.close();
      await jobs?.close();
      await sender.close();
      await pacer?.close();
      await Promise.allSettled(router.channels.map((c) => c.stop()));
      await database.close();
    },
  };
}

/**
 * The channels' send budget: in Redis when the installation has it, since then several
 * processes (bot, workers, dashboard) send on the same bot; in memory for a lone process.
 */
async function sendPacer(
  pacing: SendPacing | undefined,
  jobs: JobConnection | undefined,
): Promise<SendPacer | undefined> {
  if (!pacing) return undefined;
  if (!jobs) return new SendPacer({ pacing, bucket: new MemoryPaceBucket() });
  const { RedisPaceBucket } = await import('./jobs/redis-pace-bucket.js');
  return new SendPacer({ pacing, bucket: new RedisPaceBucket(jobs.redisUrl, jobs.prefix) });
}

/**
 * Follow-up jobs in flight per channel queue: each waits for its messages' share of the
 * channel's budget (the outbox paces messages, not jobs), so enough run at once to use it.
 */
function followUpConcurrency(pacing: SendPacing | undefined): Partial<Record<QueueName, number>> {
  return Object.fromEntries(
    channelPlugins.flatMap((p) => {
      const pace = pacing?.[p.id];
      return pace ? [[p.followUpQueue, Math.max(4, Math.ceil(pace.perSecond))]] : [];
    }),
  );
}
