/** A channel adapter that only records what Bloei sends, for tests of the pipeline. */
import type { ChannelAdapter, OutboundMessage } from '../../src/bots/channel.js';

export class RecordingChannel implements ChannelAdapter {
  readonly sent: OutboundMessage[] = [];
  constructor(readonly channel: string) {}
  async start(): Promise<void> {}
  async send(message: OutboundMessage): Promise<void> {
    this.sent.push(message);
  }
  async stop(): Promise<void> {}
}
