/**
 * Sends each outbound message through the adapter of its channel. Media from another channel
 * (a Telegram voice note relayed to a verbinder on WhatsApp) is fetched from the adapter of
 * the channel it came from first, just before sending: the bytes pass through memory only.
 */
import type { Outbound } from '../conversations/ports.js';
import { MediaFetchError } from '../errors/media-fetch-error.js';
import { UnknownChannelError } from '../errors/unknown-channel-error.js';
import type { ChannelAdapter, OutboundMessage } from './channel.js';

export class ChannelRouter implements Outbound {
  private readonly adapters = new Map<string, ChannelAdapter>();

  add(adapter: ChannelAdapter): void {
    this.adapters.set(adapter.channel, adapter);
  }

  get channels(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }

  async send(message: OutboundMessage): Promise<string | void> {
    const adapter = this.adapters.get(message.channel);
    if (!adapter) {
      throw new UnknownChannelError(`no adapter for channel ${message.channel}`, {
        context: { channel: message.channel },
      });
    }
    return adapter.send(await this.withMedia(message));
  }

  /** The message with its media's content attached when it came from another channel. */
  private async withMedia(message: OutboundMessage): Promise<OutboundMessage> {
    const media = message.media;
    if (!media || media.from === message.channel || media.file) return message;
    const source = this.adapters.get(media.from);
    if (!source?.fetchMedia) {
      throw new MediaFetchError(`no adapter here fetches media from ${media.from}`, {
        context: { channel: media.from, kind: media.kind },
      });
    }
    return { ...message, media: { ...media, file: await source.fetchMedia(media.ref) } };
  }
}
