/**
 * WhatsApp's environment variables and the settings read from them: on with
 * `WHATSAPP_ENABLED`; the session and Chromium live on this machine.
 */
import { z } from 'zod';
import { flag } from '../../env-values.js';
import type { ChannelPace } from '../../conversations/send-pacer.js';
import type { SharedSettings } from '../channel-plugin.js';

export interface WhatsAppConfig {
  dataDir: string;
  chromiumPath: string;
  /** Most messages read back from one chat after a connect. */
  backlogLimit?: number;
}

export const whatsappEnv = {
  WHATSAPP_ENABLED: flag,
  WHATSAPP_BACKLOG_LIMIT: z.coerce.number().int().positive().default(200),
  /** Unset: `whatsapp/` in BLOEI_DATA_DIR. */
  WHATSAPP_DATA_DIR: z.string().optional(),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  SEND_RATE_WHATSAPP_PER_SECOND: z.coerce.number().positive().default(1),
};

type WhatsAppEnv = z.infer<z.ZodObject<typeof whatsappEnv>>;

export function whatsappSettings(
  e: WhatsAppEnv,
  shared: SharedSettings,
): WhatsAppConfig | undefined {
  if (!e.WHATSAPP_ENABLED) return undefined;
  return {
    dataDir: e.WHATSAPP_DATA_DIR ?? `${shared.dataDir}/whatsapp`,
    chromiumPath: e.CHROMIUM_PATH,
    backlogLimit: e.WHATSAPP_BACKLOG_LIMIT,
  };
}

export function whatsappPace(e: WhatsAppEnv): ChannelPace {
  return { perSecond: e.SEND_RATE_WHATSAPP_PER_SECOND };
}
