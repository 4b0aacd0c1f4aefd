/**
 * A channel adapter translates between one chat platform and Bloei's messages; nothing
 * else. Several adapters can run in one process.
 */
import type { InboundMessage, MediaFile, OutboundMessage } from '../conversations/messages.js';

export type { InboundMessage, MediaFile, OutboundMessage };

export type InboundSink = (message: InboundMessage) => Promise<unknown>;

export interface ChannelAdapter {
  readonly channel: string;
  /** Starts receiving; every inbound message goes to `sink`. */
  start(sink: InboundSink): Promise<void>;
  /** Sends; resolves with the platform's id for the sent message when it gives one. */
  send(message: OutboundMessage): Promise<string | void>;
  stop(): Promise<void>;
  /**
   * The content of media a person sent on this channel (`InboundContent.ref`), to send it on
   * another channel; absent when the channel cannot give it.
   */
  fetchMedia?(ref: string): Promise<MediaFile>;
}
