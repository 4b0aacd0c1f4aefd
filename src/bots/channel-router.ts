/** Sends each outbound message through the adapter of its channel. */
import type { Outbound } from '../conversations/ports.js';
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
    return adapter.send(message);
  }
}
