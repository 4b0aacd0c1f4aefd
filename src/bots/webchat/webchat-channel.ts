/**
 * The web chat: staff chat with Bloei on the dashboard as a test resident, through the same
 * pipeline as Telegram, WhatsApp and the simulator. The page hands what was typed or tapped to
 * `receive`, which keeps it in the transcript and passes it on as an inbound message; Bloei's
 * replies come to `send`, which keeps them in the transcript for the page to show. Sending
 * and showing meet in the database, so a reply sent later or by another process still shows.
 *
 * Its contacts are test residents: they never count as residents (see
 * `src/store/finders/real-residents.ts`). Each staff member's test resident has the staff id
 * as its user id.
 */
import { randomUUID } from 'node:crypto';
import type { InboundContent } from '../../conversations/messages.js';
import type { ChannelAdapter, InboundMessage, InboundSink, OutboundMessage } from '../channel.js';
import type { WebchatTranscript } from './webchat-transcript.js';
import { BloeiError } from '../../errors/bloei-error.js';

export const webchatChannel = 'webchat';

/** What the page sends: typed words, or a tapped button with the words it showed. */
export type WebchatInput =
  | { type: 'text'; text: string }
  | { type: 'choice'; id: string; ref: string | null; label: string };

export class WebchatNotStartedError extends BloeiError {
  override readonly name = 'WebchatNotStartedError';
  readonly code = 'WEBCHAT_NOT_STARTED';
  constructor() {
    super('the web chat was not started: it has nowhere to hand messages');
  }
}

export class WebchatChannel implements ChannelAdapter {
  readonly channel = webchatChannel;
  private sink: InboundSink | null = null;

  constructor(
    private readonly transcript: WebchatTranscript,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Only the process that serves the page needs to start it; any process can `send`. */
  async start(sink: InboundSink): Promise<void> {
    this.sink = sink;
  }

  /**
   * A message from the page: kept for the page, then handled like any resident's message.
   * `languageHint` is the language picked on the page; like a phone's, it counts at the
   * first message only.
   */
  async receive(userId: string, input: WebchatInput, languageHint?: string): Promise<void> {
    const sink = this.sink;
    if (!sink) throw new WebchatNotStartedError();
    const at = this.clock();
    const shown = input.type === 'text' ? input.text : input.label;
    await this.transcript.append(userId, {
      author: 'resident',
      text: shown,
      choices: [],
      ref: null,
      at,
    });
    const content: InboundContent =
      input.type === 'text'
        ? { type: 'text', text: input.text }
        : { type: 'choice', id: input.id, ...(input.ref ? { ref: input.ref } : {}) };
    const message: InboundMessage = {
      channel: webchatChannel,
      userId,
      messageId: randomUUID(),
      receivedAt: at,
      content,
      ...(languageHint ? { languageHint } : {}),
    };
    await sink(message);
  }

  async send(message: OutboundMessage): Promise<void> {
    await this.transcript.append(message.userId, {
      author: 'bloei',
      text: message.text,
      choices: message.choices,
      ref: message.ref ?? null,
      at: this.clock(),
    });
  }

  /** Start over: the test resident is erased and the next message meets Bloei afresh. */
  forget(userId: string): Promise<void> {
    return this.transcript.forget(userId, this.clock());
  }

  async stop(): Promise<void> {
    this.sink = null;
  }
}
