/**
 * The chat channels the configuration asks for. Each library is loaded only when its
 * channel is on, so a Telegram-only deployment never loads a browser driver. The spool keeps
 * inbound messages durable until they are handled; WhatsApp cannot run without it.
 */
import type { Config } from '../config.js';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ChannelAdapter } from './channel.js';
import type { InboundSpool } from './inbound-spool.js';

export async function createChannels(
  config: Config,
  logger: Logger,
  translator: Translator,
  spool?: InboundSpool,
): Promise<ChannelAdapter[]> {
  const channels: ChannelAdapter[] = [];
  const { lateAfterMs } = config;
  if (config.telegram) {
    const { TelegramChannel } = await import('./telegram/telegram-channel.js');
    channels.push(
      new TelegramChannel(config.telegram, logger, translator, {
        lateAfterMs,
        ...(spool ? { spool } : {}),
      }),
    );
  }
  if (config.whatsapp) {
    if (!spool) throw new Error('the WhatsApp channel needs the inbound spool');
    const { WhatsAppChannel } = await import('./whatsapp/whatsapp-channel.js');
    const { backlogLimit } = config.whatsapp;
    channels.push(
      new WhatsAppChannel(config.whatsapp, logger, spool, {
        lateAfterMs,
        ...(backlogLimit ? { backlogLimit } : {}),
      }),
    );
  }
  return channels;
}
