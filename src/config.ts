/**
 * The only reader of `process.env`. Every setting has a safe default for trying Bloei out;
 * a bad value stops start-up with one clear line naming the variable.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { channelPlugins } from './bots/channels.js';
import type { ChannelPlugin, SharedSettings } from './bots/channel-plugin.js';
import { emptyAsUnset, optionalUrl } from './env-values.js';
import { ConfigError } from './errors/config-error.js';
import { minimumSecretLength } from './conversations/identity-key.js';
import type { FollowUpSettings } from './followups/follow-up-delivery.js';
import type { ChannelPace, SendPacing } from './conversations/send-pacer.js';

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
  INBOUND_LATE_AFTER_SECONDS: z.coerce.number().positive().default(300),
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

/** Each registered channel's settings (`bots/<channel>/index.ts`); undefined when it is off. */
export type ChannelSettings = {
  [P in (typeof channelPlugins)[number] as P['id']]: ReturnType<P['settings']>;
};

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
  channels: ChannelSettings;
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

/** The variables `schema` describes, or a ConfigError naming the first one that is wrong. */
function parse<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = issue.path.join('.');
  throw new ConfigError(`configuration: ${variable}: ${issue.message}`, {
    context: { variable },
  });
}

/** Every registered channel's settings and send budget, from its own variables. */
function readChannels(env: NodeJS.ProcessEnv, shared: SharedSettings) {
  const channels: Record<string, unknown> = {};
  const pacing: Record<string, ChannelPace> = {};
  for (const plugin of channelPlugins as readonly ChannelPlugin[]) {
    const own = parse(z.object(plugin.env), env);
    channels[plugin.id] = plugin.settings(own, shared);
    pacing[plugin.id] = plugin.pace(own);
  }
  // Each entry came from its own plugin, keyed by its id: the types `ChannelSettings` names.
  return { channels: channels as ChannelSettings, pacing };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parse(schema, env);
  const { channels, pacing } = readChannels(env, { dataDir: e.BLOEI_DATA_DIR });
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
    pacing,
    escalation: {
      remindAfterHours: e.HANDOFF_REMIND_AFTER_HOURS,
      escalateAfterHours: e.HANDOFF_ESCALATE_AFTER_HOURS,
      relayRemindAfterHours: e.RELAY_REMIND_AFTER_HOURS,
      relayEscalateAfterHours: e.RELAY_ESCALATE_AFTER_HOURS,
    },
    channels,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.BLOEI_DATA_DIR,
    idSecret: e.BLOEI_ID_SECRET,
    defaultLanguage: e.BLOEI_DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
  };
}
