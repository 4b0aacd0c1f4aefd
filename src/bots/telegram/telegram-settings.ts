/**
 * Telegram's environment variables and the settings read from them: on when
 * `TELEGRAM_BOT_TOKEN` is set; long polling, or a webhook with a secret.
 */
import { z } from 'zod';
import { emptyAsUnset, optionalUrl } from '../../env-values.js';
import { ConfigError } from '../../errors/config-error.js';
import type { ChannelPace } from '../../conversations/send-pacer.js';

export interface TelegramConfig {
  token: string;
  apiRoot: string | undefined;
  /** Set in production: Telegram posts updates to this URL instead of being polled. */
  webhook: { url: string; secret: string; host: string; port: number } | undefined;
  /** Least time between two messages to one chat; Telegram asks for about one a second. */
  chatIntervalMs?: number;
}

export const telegramEnv = {
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
  SEND_RATE_TELEGRAM_PER_SECOND: z.coerce.number().positive().default(25),
};

type TelegramEnv = z.infer<z.ZodObject<typeof telegramEnv>>;

export function telegramSettings(e: TelegramEnv): TelegramConfig | undefined {
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'configuration: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL',
      { context: { variable: 'TELEGRAM_WEBHOOK_SECRET' } },
    );
  }
  if (!e.TELEGRAM_BOT_TOKEN) return undefined;
  return {
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
  };
}

/** The bot's budget: Telegram allows about 30 messages a second, and one a second per chat. */
export function telegramPace(e: TelegramEnv): ChannelPace {
  return { perSecond: e.SEND_RATE_TELEGRAM_PER_SECOND, perChatMs: e.TELEGRAM_CHAT_INTERVAL_MS };
}
