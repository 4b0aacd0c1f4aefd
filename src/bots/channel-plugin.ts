/**
 * What a chat channel is to the rest of Bloei: one object exported from
 * `bots/<channel>/index.ts` and listed once in `channels.ts`. Starting the channels, the
 * follow-up queues and the cohort import's address check all walk that list, so adding a
 * channel is its folder and one line there. An index imports no platform library: the
 * adapter is loaded in `create`, only when the configuration turns the channel on.
 */
import type { Config } from '../config.js';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ChannelAdapter } from './channel.js';
import type { InboundSpool } from './inbound-spool.js';

/** What `create` gets besides the channel's own settings. */
export interface ChannelDeps {
  logger: Logger;
  translator: Translator;
  /** A message sent longer ago than this when it is handled is late (see `Config`). */
  lateAfterMs: number;
  /** Keeps inbound messages durable until handled; a channel may require it. */
  spool?: InboundSpool;
}

/**
 * A cohort file's address for this channel: the channel's own id, or what is wrong with it,
 * said after the address (`is not a Telegram user or chat id`).
 */
export type CohortAddress = { externalId: string } | { problem: string };

export interface ChannelPlugin<Id extends string = string, Settings = unknown> {
  /** Stored with every contact and message (`Contact.channel`), so never renamed. */
  readonly id: Id;
  /** The queue its follow-ups go through, so each channel is paced on its own. */
  readonly followUpQueue: `followups-${Id}`;
  /** Its settings in the configuration; undefined when the channel is off. */
  settings(config: Config): Settings | undefined;
  /** The adapter, its library loaded only now. */
  create(settings: Settings, deps: ChannelDeps): Promise<ChannelAdapter>;
  /** Reads an address from a cohort file (`address` column), already stripped of spaces. */
  cohortAddress(address: string): CohortAddress;
}

/** Declares a channel; the identity, for type inference of its settings. */
export function defineChannel<Id extends string, Settings>(
  plugin: ChannelPlugin<Id, Settings>,
): ChannelPlugin<Id, Settings> {
  return plugin;
}
