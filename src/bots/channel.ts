/**
 * A channel adapter translates between one chat platform and Bloei's messages; nothing
 * else. Several adapters can run in one process.
 */
import type { InboundMessage, OutboundMessage } from '../conversations/messages.js';

export type { InboundMessage, OutboundMessage };

export type InboundSink = (message: InboundMessage) => Promise<unknown>;

export interface ChannelAdapter {
  readonly channel: string;
  /** Starts receiving; every inbound message goes to `sink`. */
  start(sink: InboundSink): Promise<void>;
  /** Sends; resolves with the platform's id for the sent message when it gives one. */
  send(message: OutboundMessage): Promise<string | void>;
  stop(): Promise<void>;
}
