/**
 * The chat channels the configuration turns on, in registration order (`channels.ts`). Each
 * library is loaded only when its channel is on, so a Telegram-only deployment never loads a
 * browser driver. The spool keeps inbound messages durable until they are handled.
 */
import type { Config } from '../config.js';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ChannelAdapter } from './channel.js';
import type { ChannelPlugin } from './channel-plugin.js';
import { channelPlugins } from './channels.js';
import type { InboundSpool } from './inbound-spool.js';

export async function createChannels(
  config: Config,
  logger: Logger,
  translator: Translator,
  spool?: InboundSpool,
  which: (plugin: ChannelPlugin) => boolean = () => true,
): Promise<ChannelAdapter[]> {
  const channels: ChannelAdapter[] = [];
  const deps = { logger, translator, lateAfterMs: config.lateAfterMs, ...(spool ? { spool } : {}) };
  for (const plugin of (channelPlugins as readonly ChannelPlugin[]).filter(which)) {
    const settings = (config.channels as Readonly<Record<string, unknown>>)[plugin.id];
    if (settings !== undefined) channels.push(await plugin.create(settings, deps));
  }
  return channels;
}

/**
 * The channels a process without a session of its own sends on (the worker, the
 * dashboard): every channel the configuration turns on that is not bound to one session.
 */
export function createSharedChannels(config: Config, logger: Logger, translator: Translator) {
  return createChannels(config, logger, translator, undefined, (plugin) => !plugin.sessionBound);
}
