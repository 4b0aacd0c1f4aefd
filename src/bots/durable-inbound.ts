/**
 * Handles a channel's inbound messages from the durable spool: a message is first written to
 * the database, then handed to Bloei, one at a time per chat and in the order it was sent,
 * many chats at once. A crash in between leaves it pending, and it is handled after the
 * restart. A message that fails is tried again after a pause; one that keeps failing is
 * parked with its error for a coordinator, and the chat's next messages go on. Whether a
 * message is late (sent long before it could be handled) is decided here.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { identityKey } from '../conversations/identity-key.js';
import { InboundStoppedError } from '../errors/inbound-stopped-error.js';
import type { Logger } from '../conversations/ports.js';
import type { InboundMessage, InboundSink } from './channel.js';
import {
  errorFields,
  spoolError,
  type InboundSpool,
  type SpooledMessage,
} from './inbound-spool.js';
import { defaultLateAfterMs, markLate } from './mark-late.js';

export interface DurableInboundOptions {
  /** Pauses after each failed attempt; after the last one the message is parked. */
  retryDelaysMs?: readonly number[];
  /** A message sent longer ago than this when it is handled is late. */
  lateAfterMs?: number;
  /** How often to look for pending messages nobody is handling (a coordinator's retry). */
  sweepEveryMs?: number;
  /** How long the hash-only marker of a handled message is kept. */
  keepHandledMs?: number;
  /** Chats handled at the same time. */
  concurrency?: number;
  clock?: () => Date;
  /** Told after each handled message (WhatsApp marks the chat as read). */
  onHandled?: (message: InboundMessage) => void;
}

/** About four minutes in all: a database restart fits in it, a broken message is parked. */
const defaultRetryDelaysMs = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000];
/** Pauses while the spool itself cannot be read (the database is away). */
const spoolRetryMs = [1_000, 2_000, 5_000, 10_000, 30_000];
const hourMs = 3_600_000;

interface ChatDrain {
  /** More was added while the chat was being drained: look again before stopping. */
  again: boolean;
}

export class DurableInbound {
  private readonly retryDelaysMs: readonly number[];
  private readonly lateAfterMs: number;
  private readonly concurrency: number;
  private readonly clock: () => Date;
  private sink: InboundSink | undefined;
  private running = false;
  private held = false;
  /** Chats the spool owns: queued, waiting for a message in flight elsewhere, or draining. */
  private readonly chats = new Map<string, ChatDrain>();
  private readonly queue: string[] = [];
  private active = 0;
  private readonly stopping = new AbortController();
  /** Spool calls under way: a stop waits for them, so none is cut off by a closing database. */
  private readonly calls = new Set<Promise<unknown>>();
  private sweeper: NodeJS.Timeout | undefined;
  private prunedAt = 0;

  constructor(
    readonly channel: string,
    private readonly spool: InboundSpool,
    private readonly logger: Logger,
    private readonly options: DurableInboundOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.lateAfterMs = options.lateAfterMs ?? defaultLateAfterMs;
    this.concurrency = options.concurrency ?? 8;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Attempts a message gets before it is parked. */
  get maxAttempts(): number {
    return this.retryDelaysMs.length + 1;
  }

  /**
   * Hands pending messages (those a crash left, too) to `sink`, and keeps doing so until
   * `stop()`. One run per instance: a channel that starts again makes a new one.
   */
  async start(sink: InboundSink): Promise<void> {
    if (this.sink) throw new Error('DurableInbound runs once; create a new one to start again');
    this.sink = sink;
    this.running = true;
    await this.sweep();
    const every = this.options.sweepEveryMs ?? 30_000;
    this.sweeper = setInterval(() => void this.sweep(), every);
    this.sweeper.unref();
  }

  /**
   * Stops taking messages from the spool and resolves once no spool call is under way. A
   * message in hand finishes without being marked handled: it stays pending, and the inbound
   * handler recognises it when it comes round after the restart.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.calls]);
  }

  /** Keeps messages in the spool without handling them (the channel cannot answer now). */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.schedule();
  }

  /** Whether the spool has this chat's messages in hand: its next ones must queue behind. */
  owns(message: InboundMessage): boolean {
    return this.chats.has(identityKey(message.channel, message.userId));
  }

  /**
   * Writes the messages to the spool and has them handled; resolves once they are durable
   * (rejects when they could not be written). With `after`, their chat waits for that
   * promise first: a message of it is still being handled outside the spool.
   */
  async accept(messages: readonly InboundMessage[], after?: Promise<unknown>): Promise<void> {
    if (!this.running) throw new InboundStoppedError('the inbound spool is stopped');
    const keys = [...new Set(messages.map((m) => identityKey(m.channel, m.userId)))];
    const fresh = keys.filter((key) => !this.chats.has(key));
    // Owned from now, so a chat's next message cannot overtake these while they are written.
    for (const key of fresh) this.chats.set(key, { again: false });
    try {
      await this.book(() => this.spool.add(messages));
    } catch (error) {
      for (const key of fresh) this.chats.delete(key);
      throw error;
    }
    for (const key of keys) {
      const drain = this.chats.get(key);
      if (drain && !fresh.includes(key)) {
        drain.again = true;
        continue;
      }
      // A drain that was running may have finished while these were written.
      if (!drain) this.chats.set(key, { again: false });
      if (after) void after.then(noop, noop).then(() => this.enqueue(key));
      else this.enqueue(key);
    }
  }

  /** Looks for chats with pending messages nobody is draining, and prunes old markers. */
  async sweep(): Promise<void> {
    if (!this.running) return;
    try {
      for (const key of await this.book(() => this.spool.pendingChats(this.channel))) {
        if (this.chats.has(key)) continue;
        this.chats.set(key, { again: false });
        this.enqueue(key);
      }
      const now = this.clock().getTime();
      if (now - this.prunedAt >= hourMs) {
        this.prunedAt = now;
        const before = new Date(now - (this.options.keepHandledMs ?? 30 * 24 * hourMs));
        await this.book(() => this.spool.prune(before));
      }
    } catch (error) {
      this.logger.warn(
        { channel: this.channel, ...errorFields(error) },
        'inbound spool unreadable',
      );
    }
  }

  private enqueue(key: string): void {
    if (!this.queue.includes(key)) this.queue.push(key);
    this.schedule();
  }

  private schedule(): void {
    while (this.running && !this.held && this.active < this.concurrency && this.queue.length) {
      const key = this.queue.shift()!;
      const drain = this.chats.get(key);
      if (!drain) continue;
      this.active++;
      void this.drain(key, drain).finally(() => {
        this.active--;
        this.chats.delete(key);
        // Held half-way, or more came in at the end: the chat is not done yet.
        if (this.running && (drain.again || this.held)) {
          this.chats.set(key, { again: false });
          this.enqueue(key);
        }
        this.schedule();
      });
    }
  }

  /** Handles the chat's pending messages in order until none is left. */
  private async drain(key: string, drain: ChatDrain): Promise<void> {
    const conversation = key.slice(0, 12);
    let unreadable = 0;
    while (this.running && !this.held) {
      drain.again = false;
      let row: SpooledMessage | null;
      try {
        row = await this.book(() => this.spool.claim(key));
        unreadable = 0;
      } catch (error) {
        this.logger.warn({ conversation, ...errorFields(error) }, 'inbound spool unreadable');
        await this.pause(spoolRetryMs[Math.min(unreadable++, spoolRetryMs.length - 1)]!);
        continue;
      }
      if (!row) return;
      if (row.attempts > this.maxAttempts) {
        // Started that often and never finished: the process died on it each time.
        const error = { name: 'InboundInterrupted', code: 'INBOUND_INTERRUPTED' };
        await this.settle(row, error, true, conversation);
        continue;
      }
      const message = markLate(row.message, this.clock(), this.lateAfterMs);
      try {
        await this.sink!(message);
      } catch (error) {
        if (!this.running) return;
        const park = row.attempts >= this.maxAttempts;
        await this.settle(row, spoolError(error), park, conversation);
        if (!park) await this.pause(this.retryDelaysMs[row.attempts - 1]!);
        continue;
      }
      if (!this.running) return;
      try {
        await this.book(() => this.spool.handled(row.id));
      } catch (error) {
        // Still pending: it comes round again, and the inbound handler knows it as done.
        this.logger.warn({ conversation, ...errorFields(error) }, 'inbound not marked handled');
      }
      this.options.onHandled?.(row.message);
    }
  }

  private async settle(
    row: SpooledMessage,
    error: { name: string; code?: string },
    park: boolean,
    conversation: string,
  ): Promise<void> {
    const trace = { conversation, channel: this.channel, attempt: row.attempts, err: error.name };
    const code = error.code ? { code: error.code } : {};
    if (park) this.logger.error({ ...trace, ...code }, 'inbound message parked for a coordinator');
    else this.logger.warn({ ...trace, ...code }, 'inbound message not handled, trying again');
    try {
      await this.book(() => this.spool.failed(row.id, error, park));
    } catch (failure) {
      this.logger.warn({ conversation, ...errorFields(failure) }, 'inbound failure not recorded');
    }
  }

  private book<T>(call: () => Promise<T>): Promise<T> {
    const pending = call();
    this.calls.add(pending);
    const forget = () => this.calls.delete(pending);
    pending.then(forget, forget);
    return pending;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(noop);
  }
}

function noop(): void {}
