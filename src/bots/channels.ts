/**
 * Every chat channel Bloei can run, one plugin per `bots/<channel>/index.ts`. Register a new
 * channel here; its follow-up queue, its start-up and the cohort import's address check
 * follow from this list, and `tests/bots/channels.test.ts` asks for its fixture.
 */
import { UnknownChannelError } from '../errors/unknown-channel-error.js';
import type { ChannelPlugin } from './channel-plugin.js';
import { telegram } from './telegram/index.js';
import { whatsapp } from './whatsapp/index.js';

export const channelPlugins = [telegram, whatsapp] as const;

export type ChannelId = (typeof channelPlugins)[number]['id'];
export type FollowUpQueueName = (typeof channelPlugins)[number]['followUpQueue'];

/** The ids of the registered channels, in registration order. */
export const channelIds: readonly ChannelId[] = channelPlugins.map((p) => p.id);

/** Whether `id` names a registered channel. */
export function isChannelId(id: string): id is ChannelId {
  return (channelIds as readonly string[]).includes(id);
}

/** The plugin of channel `id`; an unknown channel is an error, never skipped. */
export function channelPlugin(id: string): ChannelPlugin<ChannelId> {
  const plugin = channelPlugins.find((p) => p.id === id);
  if (!plugin) {
    throw new UnknownChannelError(`no channel ${id} is registered`, { context: { channel: id } });
  }
  return plugin as ChannelPlugin<ChannelId>;
}
