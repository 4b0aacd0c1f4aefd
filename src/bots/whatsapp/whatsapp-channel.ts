/**
 * The WhatsApp channel, through whatsapp-web.js (WhatsApp Web in a headless Chromium).
 * WhatsApp Web is the least reliable part of Bloei, so this adapter contains its failures:
 * `start()` returns at once, a client that fails, hangs or disconnects is replaced after a
 * back-off, and no WhatsApp error ever reaches the process or the other channels.
 * WhatsApp Web does not deliver a message twice, so every message is written to the durable
 * spool before anything else and handled from there (see durable-inbound.ts); after each
 * connect, what residents sent while Bloei was away is read back from the chats.
 */
import type { WhatsAppConfig } from './whatsapp-settings.js';
import { identityKey } from '../../conversations/identity-key.js';
import type { Logger } from '../../conversations/ports.js';
import type { ChannelAdapter, InboundSink, MediaFile, OutboundMessage } from '../channel.js';
import { DurableInbound } from '../durable-inbound.js';
import { errorFields, type InboundSpool } from '../inbound-spool.js';
import { withRetries } from '../with-retries.js';
import { ignoreReason } from './ignore-reason.js';
import { printPairingQr, type TextOutput } from './print-pairing-qr.js';
import { readBacklog } from './read-backlog.js';
import { renderForWhatsApp } from './render.js';
import { toInbound, whatsappChannel } from './to-inbound.js';
import { fetchWhatsAppMedia, mediaToSend } from './whatsapp-media.js';
import {
  createWhatsAppClient,
  type WhatsAppClient,
  type WhatsAppMessage,
} from './whatsapp-client.js';
import { WhatsAppSendError } from '../../errors/whatsapp-send-error.js';

export interface WhatsAppChannelOptions {
  /** Builds a fresh client for every (re)connect; the real wwebjs client by default. */
  createClient?: () => WhatsAppClient;
  /** Milliseconds to wait before each reconnect attempt; the last value repeats. */
  retryDelays?: number[];
  /** Milliseconds to wait before each new attempt at a message that failed; then it is parked. */
  handleRetryDelays?: number[];
  /** A message sent longer ago than this when it is handled is late (see mark-late.ts). */
  lateAfterMs?: number;
  /** Most messages read back from one chat after a connect. */
  backlogLimit?: number;
  /** How often the spool is checked for messages a coordinator handed back. */
  sweepEveryMs?: number;
  /** A client that shows no progress (QR, loading, ready) for this long is replaced. */
  startTimeoutMs?: number;
  /** Where the pairing QR is printed. */
  output?: TextOutput;
  now?: () => Date;
}

const defaultRetryDelays = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
const defaultStartTimeoutMs = 180_000;
const defaultBacklogLimit = 200;
/** Pauses while a message cannot be written to the spool; after that the backlog has it. */
const spoolWriteDelays = [500, 1_000, 2_000, 4_000, 8_000];
/** How long closing a client may take before we stop waiting for Chromium. */
const closeTimeoutMs = 10_000;

export class WhatsAppChannel implements ChannelAdapter {
  readonly channel = whatsappChannel;
  private readonly createClient: () => WhatsAppClient;
  private readonly retryDelays: number[];
  /** Ends the pauses between attempts when the channel stops. */
  private stopping = new AbortController();
  /** The spool run of this start; messages are handled from it. */
  private inbound: DurableInbound | undefined;
  /** Reading back the backlog after a connect; a stop waits for it (it reads the spool). */
  private catchingUp: Promise<void> | undefined;
  private readonly startTimeoutMs: number;
  private readonly output: TextOutput;
  private readonly now: () => Date;

  private client: WhatsAppClient | undefined;
  /** Bumped for every client; events of an older client are ignored. */
  private generation = 0;
  private connected = false;
  private running = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private startTimer: NodeJS.Timeout | undefined;

  constructor(
    config: WhatsAppConfig,
    private readonly logger: Logger,
    private readonly spool: InboundSpool,
    private readonly options: WhatsAppChannelOptions = {},
  ) {
    this.createClient = options.createClient ?? (() => createWhatsAppClient(config));
    this.retryDelays = options.retryDelays?.length ? options.retryDelays : defaultRetryDelays;
    this.startTimeoutMs = options.startTimeoutMs ?? defaultStartTimeoutMs;
    this.output = options.output ?? process.stdout;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Starts connecting in the background and resolves at once; it never rejects. Messages
   * left in the spool wait until WhatsApp is connected: their replies go out through it.
   */
  async start(sink: InboundSink): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    const inbound = new DurableInbound(whatsappChannel, this.spool, this.logger, {
      clock: this.now,
      onHandled: (message) => this.markRead(message.userId),
      ...(this.options.handleRetryDelays ? { retryDelaysMs: this.options.handleRetryDelays } : {}),
      ...(this.options.lateAfterMs !== undefined ? { lateAfterMs: this.options.lateAfterMs } : {}),
      ...(this.options.sweepEveryMs ? { sweepEveryMs: this.options.sweepEveryMs } : {}),
    });
    inbound.hold();
    this.inbound = inbound;
    await inbound.start(sink);
    this.connect();
  }

  /**
   * Resolves with WhatsApp's id for the sent message, when the client gives one. Media goes
   * with the text as its caption; a voice note shows as a voice note.
   */
  async send(message: OutboundMessage): Promise<string | void> {
    const client = this.client;
    if (!client || !this.connected) throw new WhatsAppSendError('not-connected');
    const text = renderForWhatsApp(message);
    const { media } = message;
    const content = media ? await mediaToSend(client, media) : text;
    const options = media ? { caption: text, sendAudioAsVoice: media.kind === 'voice' } : {};
    let sent: unknown;
    try {
      sent = await client.sendMessage(message.userId, content, options);
    } catch (error) {
      throw new WhatsAppSendError('rejected', error);
    }
    return (sent as { id?: { _serialized?: string } } | undefined)?.id?._serialized;
  }

  /** A voice note, photo or file a resident sent, looked up in WhatsApp Web by its message id. */
  async fetchMedia(ref: string): Promise<MediaFile> {
    const client = this.client;
    if (!client || !this.connected) throw new WhatsAppSendError('not-connected');
    return fetchWhatsAppMedia(client, ref);
  }

  /** Cancels pending reconnects and closes the browser. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    await this.inbound?.stop();
    this.inbound = undefined;
    this.generation++;
    this.connected = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.startTimer);
    const client = this.client;
    this.client = undefined;
    if (client) await this.close(client);
    // Its browser calls fail once the client is closed; its spool reads are then over.
    await this.catchingUp;
    this.catchingUp = undefined;
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
      this.logger.info({}, 'WhatsApp connected');
      this.catchingUp = this.catchUp(client, current);
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

  /**
   * Writes a message to the spool, from where it is handled. Anything that goes wrong is
   * logged here and goes no further: a message that cannot be written (the database is away)
   * stays unread in WhatsApp, and the backlog brings it back at the next connect.
   */
  private async receive(message: WhatsAppMessage): Promise<void> {
    const conversation = identityKey(this.channel, message.from).slice(0, 12);
    const reason = ignoreReason(message);
    if (reason) {
      this.logger.debug({ conversation, reason }, 'WhatsApp message ignored');
      return;
    }
    const inbound = this.inbound;
    if (!inbound || !this.running) return;
    try {
      await withRetries(
        () => inbound.accept([toInbound(message, this.now())]),
        spoolWriteDelays,
        (error, attempt, retryInMs) => {
          if (retryInMs === undefined) return;
          const trace = { conversation, attempt, retryInMs, ...errorFields(error) };
          this.logger.warn(trace, 'WhatsApp message not spooled yet');
        },
        this.stopping.signal,
      );
    } catch (error) {
      this.logger.error(
        { conversation, ...errorFields(error) },
        'WhatsApp message not spooled; it is read back at the next connect',
      );
    }
  }

  /**
   * After a connect: reads back what arrived while Bloei was away, then lets the spool hand
   * messages over again, oldest first per chat (live ones that came in meanwhile included).
   */
  private async catchUp(client: WhatsAppClient, current: () => boolean): Promise<void> {
    const inbound = this.inbound;
    if (!inbound) return;
    inbound.hold();
    try {
      const limit = this.options.backlogLimit ?? defaultBacklogLimit;
      const backlog = await readBacklog(client, this.spool, limit, (error) =>
        this.logger.warn(errorFields(error), 'WhatsApp chat not read back'),
      );
      if (!current()) return;
      const now = this.now();
      await inbound.accept(backlog.map((message) => toInbound(message, now)));
      if (backlog.length > 0)
        this.logger.info({ messages: backlog.length }, 'WhatsApp backlog read');
    } catch (error) {
      this.logger.warn(errorFields(error), 'WhatsApp backlog not read');
    }
    if (current()) inbound.release();
  }

  /** Marks the chat read once a message is handled: unread then means unhandled. */
  private markRead(chatId: string): void {
    const client = this.client;
    if (!client || !this.connected) return;
    client.sendSeen(chatId).catch((error: unknown) => {
      this.logger.debug(errorFields(error), 'WhatsApp chat not marked read');
    });
  }

  /** Replaces the client of `generation` after a back-off, unless that already happened. */
  private reconnect(generation: number, reason: string, error?: unknown): void {
    if (!this.running || generation !== this.generation) return;
    this.generation++;
    this.connected = false;
    // Replies cannot go out now: messages wait in the spool instead of failing there.
    this.inbound?.hold();
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
