/**
 * The chat channels the configuration asks for. Each library is loaded only when its
 * channel is on, so a Telegram-only deployment never loads a browser driver.
 */
import type { Config } from '../config.js';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ChannelAdapter } from './channel.js';

export async function createChannels(
  config: Config,
  logger: Logger,
  translator: Translator,
): Promise<ChannelAdapter[]> {
  const channels: ChannelAdapter[] = [];
  if (config.telegram) {
    const { TelegramChannel } = await import('./telegram/telegram-channel.js');
    channels.push(new TelegramChannel(config.telegram, logger, translator));
  }
  if (config.whatsapp) {
    const { WhatsAppChannel } = await import('./whatsapp/whatsapp-channel.js');
    channels.push(new WhatsAppChannel(config.whatsapp, logger));
  }
  return channels;
}
