/**
 * The only reader of `process.env`. Every setting has a safe default for trying Bloei out;
 * a bad value stops start-up with one clear line naming the variable.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './errors/config-error.js';
import { minimumSecretLength } from './conversations/identity-key.js';
import type { FollowUpSettings } from './followups/follow-up-delivery.js';
import type { SendPacing } from './conversations/send-pacer.js';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.url().optional())
  .optional();

/** An empty value (`LOG_LEVEL=` in a copied .env.example) means "not set", not a wrong value. */
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => ['true', '1', 'yes'].includes(v));

/** One address or a CIDR range (`10.0.0.0/8`, `::1/128`). */
const isAddressOrRange = (value: string) => {
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  );
};

/**
 * Which proxies in front of the dashboard to believe about the client's address
 * (`X-Forwarded-For`), in Fastify's `trustProxy` terms: off, a number of hops, or addresses.
 */
const trustProxy = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .default('false')
    .transform((v, ctx): boolean | number | string[] => {
      if (v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d{1,2}$/.test(v)) return Number(v);
      const list = v.split(',').map((a) => a.trim());
      if (list.every(isAddressOrRange)) return list;
      ctx.addIssue({
        code: 'custom',
        message:
          'false, true, a number of proxy hops, or addresses/CIDR ranges separated by commas',
      });
      return z.NEVER;
    }),
);

const schema = z.object({
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  BLOEI_DATA_DIR: z.string().default('./.data'),
  /** Unset: one is generated into BLOEI_DATA_DIR on the first start. */
  BLOEI_ID_SECRET: z.preprocess(
    emptyAsUnset,
    z.string().min(minimumSecretLength, `at least ${minimumSecretLength} characters`).optional(),
  ),
  BLOEI_DEFAULT_LANGUAGE: z.string().default('nl'),
  /** Unset: info for `start`, warn for one-shot commands. */
  LOG_LEVEL: z.preprocess(
    emptyAsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  TELEGRAM_BOT_TOKEN: z.string().trim().optional(),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A-Z, a-z, 0-9, _ and -')
      .optional(),
  ),
  TELEGRAM_WEBHOOK_HOST: z.string().default('0.0.0.0'),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  TELEGRAM_CHAT_INTERVAL_MS: z.preprocess(
    emptyAsUnset,
    z.coerce.number().int().min(0).default(1000),
  ),
  HANDOFF_REMIND_AFTER_HOURS: z.coerce.number().positive().default(24),
  HANDOFF_ESCALATE_AFTER_HOURS: z.coerce.number().positive().default(48),
  RELAY_REMIND_AFTER_HOURS: z.coerce.number().positive().default(8),
  RELAY_ESCALATE_AFTER_HOURS: z.coerce.number().positive().default(24),
  FOLLOWUP_TIMEZONE: z.string().default('Europe/Amsterdam'),
  FOLLOWUP_DELIVERY_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  FOLLOWUP_ALLOWED_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'from-to in whole hours, e.g. 9-20')
    .default('9-20'),
  FOLLOWUP_CLOSED_WEEKDAYS: z
    .string()
    .regex(/^([1-7](,[1-7])*)?$/, 'ISO weekdays, 1 = Monday … 7 = Sunday, e.g. 7 or 6,7')
    .default('7'),
  FOLLOWUP_REMINDER_DAYS: z
    .string()
    .regex(/^\d+,\d+$/, 'two numbers of days, e.g. 3,7')
    .default('3,7'),
  FOLLOWUP_UNANSWERED_DAYS: z.coerce.number().int().positive().default(14),
  FOLLOWUP_CLAIM_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  FLOOD_MESSAGES: z.coerce.number().int().positive().default(8),
  FLOOD_WINDOW_SECONDS: z.coerce.number().positive().default(10),
  RETENTION_MONTHS: z.coerce.number().int().positive().default(24),
  HANDOFF_RETENTION_MONTHS: z.coerce.number().int().positive().default(12),
  UNCONSENTED_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  PROCESSED_RETENTION_DAYS: z.coerce.number().int().positive().default(3),
  RELAY_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  JOB_LOCK_SECONDS: z.coerce.number().positive().default(30),
  BLOEI_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/)
    .default('bloei'),
  SEND_RATE_TELEGRAM_PER_SECOND: z.coerce.number().positive().default(25),
  SEND_RATE_WHATSAPP_PER_SECOND: z.coerce.number().positive().default(1),
  INBOUND_LATE_AFTER_SECONDS: z.coerce.number().positive().default(300),
  WHATSAPP_ENABLED: flag,
  WHATSAPP_BACKLOG_LIMIT: z.coerce.number().int().positive().default(200),
  WHATSAPP_DATA_DIR: z.string().optional(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Unset: no health endpoint. */
  HEALTH_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
  HEALTH_HOST: z.string().default('0.0.0.0'),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().default(25),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  WEB_HOST: z.string().default('127.0.0.1'),
  WEB_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  WEB_TRUST_PROXY: trustProxy,
});

export interface TelegramConfig {
  token: string;
  apiRoot: string | undefined;
  /** Set in production: Telegram posts updates to this URL instead of being polled. */
  webhook: { url: string; secret: string; host: string; port: number } | undefined;
  /** Least time between two messages to one chat; Telegram asks for about one a second. */
  chatIntervalMs?: number;
}

export interface WhatsAppConfig {
  dataDir: string;
  chromiumPath: string;
  /** Most messages read back from one chat after a connect. */
  backlogLimit?: number;
}

export interface Config {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  /**
   * The secret conversation keys are made with (a keyed hash of channel and user id); unset:
   * generated into the data directory. Every process of one installation needs the same one.
   */
  idSecret: string | undefined;
  defaultLanguage: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'] | undefined;
  telegram: TelegramConfig | undefined;
  whatsapp: WhatsAppConfig | undefined;
  /**
   * Unclaimed hand-offs: a reminder to the owner, then the whole wijkteam; the same for a
   * resident's message the verbinder who claimed the hand-off left unanswered.
   */
  escalation: {
    remindAfterHours: number;
    escalateAfterHours: number;
    relayRemindAfterHours: number;
    relayEscalateAfterHours: number;
  };
  followUps: FollowUpSettings;
  /**
   * Each channel's send budget in messages per second, shared by live replies (first) and
   * scheduled sends (in what is left) across every process of the installation.
   */
  pacing: SendPacing;
  queuePrefix: string;
  maintenanceEveryMs: number;
  /** How long a job stays locked to its worker; a dead worker's jobs are taken over after it. */
  jobLockMs: number;
  /** `GET /healthz` of the long-running processes; off when HEALTH_PORT is unset. */
  health: { port: number; host: string } | undefined;
  /** How long a graceful stop may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** The staff dashboard (`web`); cookies are Secure unless switched off for plain http. */
  web: {
    port: number;
    host: string;
    secureCookies: boolean;
    /** Fastify's `trustProxy`: whose `X-Forwarded-For` names the real client (login limits). */
    trustProxy: boolean | number | string[];
  };
  /** Messages per window a resident may send before being slowed down. */
  flood: { messages: number; windowMs: number };
  /** A message sent longer ago than this when Bloei handles it is late: not taken as an answer. */
  lateAfterMs: number;
  /**
   * Months of inactivity after which a resident is erased; months a closed hand-off keeps its
   * details; days a conversation nobody consented in is kept after its last message; days the
   * ids of handled messages (and sent outbox messages) are kept to recognise a redelivery;
   * days a closed hand-off keeps the messages relayed between resident and verbinder.
   */
  retention: {
    contactMonths: number;
    handoffMonths: number;
    conversationDays: number;
    processedDays: number;
    relayDays: number;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = issue.path.join('.');
    throw new ConfigError(`configuration: ${variable}: ${issue.message}`, {
      context: { variable },
    });
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'configuration: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL',
      { context: { variable: 'TELEGRAM_WEBHOOK_SECRET' } },
    );
  }
  const telegram: TelegramConfig | undefined = e.TELEGRAM_BOT_TOKEN
    ? {
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT,
        chatIntervalMs: e.TELEGRAM_CHAT_INTERVAL_MS,
        webhook: e.TELEGRAM_WEBHOOK_URL
          ? {
              url: e.TELEGRAM_WEBHOOK_URL,
              secret: e.TELEGRAM_WEBHOOK_SECRET!,
              host: e.TELEGRAM_WEBHOOK_HOST,
              port: e.TELEGRAM_WEBHOOK_PORT,
            }
          : undefined,
      }
    : undefined;
  const [startHour, endHour] = e.FOLLOWUP_ALLOWED_HOURS.split('-').map(Number) as [number, number];
  if (!(startHour < endHour && endHour <= 24)) {
    throw new ConfigError('configuration: FOLLOWUP_ALLOWED_HOURS: from must be before to', {
      context: { variable: 'FOLLOWUP_ALLOWED_HOURS' },
    });
  }
  const [first, second] = e.FOLLOWUP_REMINDER_DAYS.split(',').map(Number) as [number, number];
  return {
    flood: { messages: e.FLOOD_MESSAGES, windowMs: e.FLOOD_WINDOW_SECONDS * 1000 },
    lateAfterMs: e.INBOUND_LATE_AFTER_SECONDS * 1000,
    retention: {
      contactMonths: e.RETENTION_MONTHS,
      handoffMonths: e.HANDOFF_RETENTION_MONTHS,
      conversationDays: e.UNCONSENTED_RETENTION_DAYS,
      processedDays: e.PROCESSED_RETENTION_DAYS,
      relayDays: e.RELAY_RETENTION_DAYS,
    },
    queuePrefix: e.BLOEI_QUEUE_PREFIX,
    maintenanceEveryMs: e.MAINTENANCE_INTERVAL_SECONDS * 1000,
    jobLockMs: e.JOB_LOCK_SECONDS * 1000,
    health: e.HEALTH_PORT === undefined ? undefined : { port: e.HEALTH_PORT, host: e.HEALTH_HOST },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    web: {
      port: e.WEB_PORT,
      host: e.WEB_HOST,
      secureCookies: e.WEB_SECURE_COOKIES,
      trustProxy: e.WEB_TRUST_PROXY,
    },
    followUps: {
      window: {
        zone: e.FOLLOWUP_TIMEZONE,
        deliveryHour: e.FOLLOWUP_DELIVERY_HOUR,
        startHour,
        endHour,
        closedWeekdays: e.FOLLOWUP_CLOSED_WEEKDAYS.split(',').filter(Boolean).map(Number),
      },
      reminderDays: [first, second],
      unansweredDays: e.FOLLOWUP_UNANSWERED_DAYS,
      claimTimeoutMs: e.FOLLOWUP_CLAIM_TIMEOUT_SECONDS * 1000,
    },
    pacing: {
      telegram: {
        perSecond: e.SEND_RATE_TELEGRAM_PER_SECOND,
        perChatMs: e.TELEGRAM_CHAT_INTERVAL_MS,
      },
      whatsapp: { perSecond: e.SEND_RATE_WHATSAPP_PER_SECOND },
    },
    escalation: {
      remindAfterHours: e.HANDOFF_REMIND_AFTER_HOURS,
      escalateAfterHours: e.HANDOFF_ESCALATE_AFTER_HOURS,
      relayRemindAfterHours: e.RELAY_REMIND_AFTER_HOURS,
      relayEscalateAfterHours: e.RELAY_ESCALATE_AFTER_HOURS,
    },
    telegram,
    whatsapp: e.WHATSAPP_ENABLED
      ? {
          dataDir: e.WHATSAPP_DATA_DIR ?? `${e.BLOEI_DATA_DIR}/whatsapp`,
          chromiumPath: e.CHROMIUM_PATH,
          backlogLimit: e.WHATSAPP_BACKLOG_LIMIT,
        }
      : undefined,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.BLOEI_DATA_DIR,
    idSecret: e.BLOEI_ID_SECRET,
    defaultLanguage: e.BLOEI_DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
  };
}
