/**
 * The only reader of `process.env`. Every setting has a safe default for trying Bloei out;
 * a bad value stops start-up with one clear line naming the variable.
 */
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.url().optional())
  .optional();

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => ['true', '1', 'yes'].includes(v));

const schema = z.object({
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  BLOEI_DATA_DIR: z.string().default('./.data'),
  BLOEI_DEFAULT_LANGUAGE: z.string().default('nl'),
  /** Unset: info for `start`, warn for one-shot commands. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TELEGRAM_BOT_TOKEN: z.string().trim().optional(),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  TELEGRAM_WEBHOOK_HOST: z.string().default('0.0.0.0'),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  HANDOFF_REMIND_AFTER_HOURS: z.coerce.number().positive().default(24),
  HANDOFF_ESCALATE_AFTER_HOURS: z.coerce.number().positive().default(48),
  WHATSAPP_ENABLED: flag,
  WHATSAPP_DATA_DIR: z.string().optional(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
});

export interface TelegramConfig {
  token: string;
  apiRoot: string | undefined;
  /** Set in production: Telegram posts updates to this URL instead of being polled. */
  webhook: { url: string; secret: string; host: string; port: number } | undefined;
}

export interface WhatsAppConfig {
  dataDir: string;
  chromiumPath: string;
}

export interface Config {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  defaultLanguage: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'] | undefined;
  telegram: TelegramConfig | undefined;
  whatsapp: WhatsAppConfig | undefined;
  /** Unclaimed hand-offs: a reminder to the owner, then the whole wijkteam. */
  escalation: { remindAfterHours: number; escalateAfterHours: number };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'configuration: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL',
    );
  }
  const telegram: TelegramConfig | undefined = e.TELEGRAM_BOT_TOKEN
    ? {
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT,
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
  return {
    escalation: {
      remindAfterHours: e.HANDOFF_REMIND_AFTER_HOURS,
      escalateAfterHours: e.HANDOFF_ESCALATE_AFTER_HOURS,
    },
    telegram,
    whatsapp: e.WHATSAPP_ENABLED
      ? {
          dataDir: e.WHATSAPP_DATA_DIR ?? `${e.BLOEI_DATA_DIR}/whatsapp`,
          chromiumPath: e.CHROMIUM_PATH,
        }
      : undefined,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.BLOEI_DATA_DIR,
    defaultLanguage: e.BLOEI_DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
  };
}
