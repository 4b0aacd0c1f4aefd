/**
 * The WhatsApp channel, through whatsapp-web.js (WhatsApp Web in a headless Chromium).
 * WhatsApp Web is the least reliable part of Bloei, so this adapter contains its failures:
 * `start()` returns at once, a client that fails, hangs or disconnects is replaced after a
 * back-off, and no WhatsApp error ever reaches the process or the other channels.
 * WhatsApp Web does not deliver a message twice, so one Bloei could not handle (the
 * database briefly away) is handed over again after a pause, in order per chat.
 */
import type { WhatsAppConfig } from '../../config.js';
import { identityKey } from '../../conversations/identity-key.js';
import { KeyedLane } from '../../conversations/keyed-lane.js';
import type { Logger } from '../../conversations/ports.js';
import type { ChannelAdapter, InboundSink, OutboundMessage } from '../channel.js';
import { withRetries } from '../with-retries.js';
import { ignoreReason } from './ignore-reason.js';
import { printPairingQr, type TextOutput } from './print-pairing-qr.js';
import { renderForWhatsApp } from './render.js';
import { toInbound, whatsappChannel } from './to-inbound.js';
import {
  createWhatsAppClient,
  type WhatsAppClient,
  type WhatsAppMessage,
} from './whatsapp-client.js';
import { WhatsAppSendError } from './whatsapp-send-error.js';

export interface WhatsAppChannelOptions {
  /** Builds a fresh client for every (re)connect; the real wwebjs client by default. */
  createClient?: () => WhatsAppClient;
  /** Milliseconds to wait before each reconnect attempt; the last value repeats. */
  retryDelays?: number[];
  /** Milliseconds to wait before each new attempt to handle a message that failed. */
  handleRetryDelays?: number[];
  /** A client that shows no progress (QR, loading, ready) for this long is replaced. */
  startTimeoutMs?: number;
  /** Where the pairing QR is printed. */
  output?: TextOutput;
  now?: () => Date;
}

const defaultRetryDelays = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
/** About a minute in all: long enough for a database restart, short enough to keep order. */
const defaultHandleRetryDelays = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const defaultStartTimeoutMs = 180_000;
/** How long closing a client may take before we stop waiting for Chromium. */
const closeTimeoutMs = 10_000;

export class WhatsAppChannel implements ChannelAdapter {
  readonly channel = whatsappChannel;
  private readonly createClient: () => WhatsAppClient;
  private readonly retryDelays: number[];
  private readonly handleRetryDelays: number[];
  /** One chat's messages are handed over one at a time, retries included. */
  private readonly lane = new KeyedLane();
  /** Ends the pauses between attempts when the channel stops. */
  private stopping = new AbortController();
  private readonly startTimeoutMs: number;
  private readonly output: TextOutput;
  private readonly now: () => Date;

  private sink: InboundSink | undefined;
  private client: WhatsAppClient | undefined;
  /** Bumped for every client; events of an older client are ignored. */
  private generation = 0;
  private connected = false;
  private running = false;
  private failures = 0;
  /** When the first client became ready: older messages are backlog, not conversation. */
  private sessionStart: Date | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private startTimer: NodeJS.Timeout | undefined;

  constructor(
    config: WhatsAppConfig,
    private readonly logger: Logger,
    options: WhatsAppChannelOptions = {},
  ) {
    this.createClient = options.createClient ?? (() => createWhatsAppClient(config));
    this.retryDelays = options.retryDelays?.length ? options.retryDelays : defaultRetryDelays;
    this.handleRetryDelays = options.handleRetryDelays ?? defaultHandleRetryDelays;
    this.startTimeoutMs = options.startTimeoutMs ?? defaultStartTimeoutMs;
    this.output = options.output ?? process.stdout;
    this.now = options.now ?? (() => new Date());
  }

  /** Starts connecting in the background and resolves at once; it never rejects. */
  async start(sink: InboundSink): Promise<void> {
    this.sink = sink;
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    this.connect();
  }

  /** Resolves with WhatsApp's id for the sent message, when the client gives one. */
  async send(message: OutboundMessage): Promise<string | void> {
    const client = this.client;
    if (!client || !this.connected) throw new WhatsAppSendError('not-connected');
    let sent: unknown;
    try {
      sent = await client.sendMessage(message.userId, renderForWhatsApp(message));
    } catch (error) {
      throw new WhatsAppSendError('rejected', error);
    }
    return (sent as { id?: { _serialized?: string } } | undefined)?.id?._serialized;
  }

  /** Cancels pending reconnects and closes the browser. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.generation++;
    this.connected = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.startTimer);
    const client = this.client;
    this.client = undefined;
    if (client) await this.close(client);
  }

  private connect(): void {
    const generation = ++this.generation;
    let client: WhatsAppClient;
    try {
      client = this.createClient();
    } catch (error) {
      this.reconnect(generation, 'the WhatsApp client could not be created', error);
      return;
    }
    this.client = client;
    this.listen(client, generation);
    this.watchStart(generation);
    Promise.resolve()
      .then(() => client.initialize())
      .catch((error: unknown) => this.reconnect(generation, 'WhatsApp Web did not start', error));
  }

  private listen(client: WhatsAppClient, generation: number): void {
    const current = () => this.running && generation === this.generation;
    client.on('qr', (qr) => {
      if (!current()) return;
      clearTimeout(this.startTimer);
      this.logger.info({}, 'WhatsApp is not paired: scan the QR code printed on the terminal');
      printPairingQr(qr, this.output);
    });
    client.on('authenticated', () => {
      if (!current()) return;
      this.logger.info({}, 'WhatsApp session authenticated, loading chats');
      this.watchStart(generation);
    });
    client.on('loading_screen', () => {
      if (current()) this.watchStart(generation);
    });
    client.on('ready', () => {
      if (!current()) return;
      clearTimeout(this.startTimer);
      this.connected = true;
      this.failures = 0;
      this.sessionStart ??= this.now();
      this.logger.info({}, 'WhatsApp connected');
    });
    client.on('message', (message) => {
      if (current()) void this.receive(message);
    });
    client.on('auth_failure', (reason) => {
      if (!current()) return;
      this.logger.error(
        { reason },
        'WhatsApp session could not be restored; if this repeats, remove WHATSAPP_DATA_DIR and pair again',
      );
      this.reconnect(generation, 'authentication failed');
    });
    client.on('disconnected', (reason) => {
      if (!current()) return;
      const why =
        reason === 'LOGOUT'
          ? 'the phone unlinked Bloei (LOGOUT); a new QR code follows'
          : `WhatsApp Web disconnected (${reason})`;
      this.reconnect(generation, why);
    });
  }

  /** Handles one message; anything that goes wrong is logged here and goes no further. */
  private async receive(message: WhatsAppMessage): Promise<void> {
    let conversation: string | undefined;
    try {
      const key = identityKey(this.channel, message.from);
      conversation = key.slice(0, 12);
      const reason = ignoreReason(message, this.sessionStart);
      if (reason) {
        this.logger.debug({ conversation, reason }, 'WhatsApp message ignored');
        return;
      }
      const inbound = toInbound(message);
      await this.lane.run(key, () =>
        withRetries(
          async () => this.sink?.(inbound),
          this.handleRetryDelays,
          (error, attempt, retryInMs) => {
            if (retryInMs === undefined) return;
            this.logger.warn(
              { conversation, attempt, retryInMs, err: error },
              'WhatsApp message not handled, trying again',
            );
          },
          this.stopping.signal,
        ),
      );
    } catch (error) {
      this.logger.error({ conversation, err: error }, 'WhatsApp message could not be handled');
    }
  }

  /** Replaces the client of `generation` after a back-off, unless that already happened. */
  private reconnect(generation: number, reason: string, error?: unknown): void {
    if (!this.running || generation !== this.generation) return;
    this.generation++;
    this.connected = false;
    clearTimeout(this.startTimer);
    const old = this.client;
    this.client = undefined;
    if (old) void this.close(old);
    const delay = this.retryDelays[Math.min(this.failures, this.retryDelays.length - 1)]!;
    this.failures++;
    this.logger.warn(
      { reason, err: error, attempt: this.failures, retryInMs: delay },
      'WhatsApp unavailable, reconnecting',
    );
    this.retryTimer = setTimeout(() => {
      if (this.running) this.connect();
    }, delay);
  }

  /** (Re)arms the timer that replaces a client stuck without progress. */
  private watchStart(generation: number): void {
    clearTimeout(this.startTimer);
    this.startTimer = setTimeout(() => {
      this.reconnect(generation, `no progress within ${this.startTimeoutMs} ms`);
    }, this.startTimeoutMs);
  }

  /** Closes a client's browser, giving up after a while: a stuck Chromium must not block. */
  private async close(client: WhatsAppClient): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, closeTimeoutMs)));
    try {
      await Promise.race([client.destroy(), gaveUp]);
    } catch (error) {
      this.logger.debug({ err: error }, 'WhatsApp client did not close cleanly');
    } finally {
      clearTimeout(timer);
    }
  }
}
