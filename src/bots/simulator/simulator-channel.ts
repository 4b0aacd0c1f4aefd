/**
 * The simulator channel: a chat with Bloei on the console, through the same pipeline as
 * Telegram and WhatsApp. Interactive with a prompt, or scripted: one resident message per
 * input line, processed in order, each reply printed as it is sent.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelAdapter, InboundSink, OutboundMessage } from '../channel.js';
import { renderForSimulator, type SimulatorFormat } from './render.js';
import { lineToInbound, simulatorChannel } from './to-inbound.js';

export interface SimulatorOptions {
  userId: string;
  input: Readable;
  output: Writable;
  format?: SimulatorFormat;
  languageHint?: string;
  /** The name a phone would give (Telegram's first name, WhatsApp's push name). */
  displayName?: string;
  /** Shows a prompt and a blank line between turns, for people rather than scripts. */
  interactive?: boolean;
}

export class SimulatorChannel implements ChannelAdapter {
  readonly channel = simulatorChannel;
  private readonly format: SimulatorFormat;
  private done: Promise<void> = Promise.resolve();
  private closeInput: (() => void) | undefined;

  constructor(private readonly options: SimulatorOptions) {
    this.format = options.format ?? 'plain';
  }

  /** Starts reading lines; `finished()` resolves when the input ends and all are handled. */
  start(sink: InboundSink): Promise<void> {
    const { input, interactive, userId, languageHint, displayName } = this.options;
    const hints = {
      ...(languageHint ? { languageHint } : {}),
      ...(displayName ? { displayName } : {}),
    };
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.closeInput = () => lines.close();
    this.done = (async () => {
      if (interactive) this.prompt();
      for await (const line of lines) {
        await sink(lineToInbound(line, userId, hints));
        if (interactive) this.prompt();
      }
    })();
    return Promise.resolve();
  }

  finished(): Promise<void> {
    return this.done;
  }

  /**
   * Prints a message for this simulator's user; one for another simulated user (e.g. a
   * hand-off alert to a verbinder linked from another simulator chat) goes to stderr.
   */
  async send(message: OutboundMessage): Promise<void> {
    if (message.userId !== this.options.userId) {
      process.stderr.write(`[to ${message.userId}] ${renderForSimulator(message, 'plain')}\n`);
      return;
    }
    const text = renderForSimulator(message, this.format);
    const spacer = this.options.interactive ? '\n' : '';
    this.options.output.write(`${spacer}${text}\n`);
  }

  async stop(): Promise<void> {
    this.closeInput?.();
  }

  private prompt(): void {
    this.options.output.write('\n> ');
  }
}
