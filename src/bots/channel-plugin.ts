/**
 * What a chat channel is to the rest of Bloei: one object exported from
 * `bots/<channel>/index.ts` and listed once in `channels.ts`. The configuration, starting
 * the channels, the follow-up queues and the cohort import's address check all walk that
 * list, so adding a channel is its folder and one line there. An index imports no platform
 * library: the adapter is loaded in `create`, only when the configuration turns it on.
 */
import type { z } from 'zod';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ChannelPace } from '../conversations/send-pacer.js';
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

/** What a channel's settings may take from the rest of the configuration. */
export interface SharedSettings {
  /** BLOEI_DATA_DIR: where a channel keeps files of its own (a WhatsApp session). */
  dataDir: string;
}

export interface ChannelPlugin<
  Id extends string = string,
  Settings = unknown,
  Env extends z.ZodRawShape = z.ZodRawShape,
> {
  /** Stored with every contact and message (`Contact.channel`), so never renamed. */
  readonly id: Id;
  /** The queue its follow-ups go through, so each channel is paced on its own. */
  readonly followUpQueue: `followups-${Id}`;
  /**
   * Whether only the process holding its session may send on it (WhatsApp Web's one
   * browser), or any process (an HTTP API: Telegram). The worker and the dashboard start
   * only channels any process may use, and the worker takes only their follow-up queues.
   */
  readonly sessionBound: boolean;
  /** Its environment variables, read and checked with the rest (`config.ts`). */
  readonly env: Env;
  /**
   * Its settings from those variables; undefined when the channel is off. A combination
   * that cannot work is a `ConfigError` naming the variable.
   */
  settings(env: z.infer<z.ZodObject<Env>>, shared: SharedSettings): Settings | undefined;
  /** Its send budget (`Config.pacing`), shared by live replies and scheduled sends. */
  pace(env: z.infer<z.ZodObject<Env>>): ChannelPace;
  /** The adapter, its library loaded only now. */
  create(settings: Settings, deps: ChannelDeps): Promise<ChannelAdapter>;
  /** Reads an address from a cohort file (`address` column), already stripped of spaces. */
  cohortAddress(address: string): CohortAddress;
}

/** Declares a channel; the identity, for type inference of its settings. */
export function defineChannel<Id extends string, Settings, Env extends z.ZodRawShape>(
  plugin: ChannelPlugin<Id, Settings, Env>,
): ChannelPlugin<Id, Settings, Env> {
  return plugin;
}
