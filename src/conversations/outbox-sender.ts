/**
 * Sends what waits in the outbox, after commit and with no transaction or lock held: a chat
 * is leased in one statement, each message is rendered, sent, and marked done in one guarded
 * statement that also hands over the next. Order per chat holds because only the lease
 * holder sends and it goes by sequence number; a process that dies mid-send leaves its lease
 * to run out, after which a sweeper sends the message in flight again (the only message that
 * can go out twice) and the rest. A 429 wait holds nothing but the lease, renewed meanwhile.
 *
 * Every message waits for its channel's send budget (`pacer`, see send-pacer.ts) just before it
 * goes out, live ones first, with the lease renewed meanwhile.
 *
 * Each process sends on the channels it has adapters for (WhatsApp only where the WhatsApp
 * session lives) and sweeps those channels' chats every `sweepEveryMs`; what one process
 * writes for another channel waits there for the process that holds it.
 */
import { randomUUID } from 'node:crypto';
import { KeyedLane } from './keyed-lane.js';
import type { OutboundMessage } from './messages.js';
import type { OutboxKinds } from './outbox-kinds.js';
import type {
  ChatAddress,
  OutboxLease,
  OutboxOutcome,
  OutboxRow,
  OutboxStore,
} from './outbox-ports.js';
import { RecipientUnreachableError, type Logger, type Outbound } from './ports.js';
import type { SendPacer } from './send-pacer.js';

export interface OutboxSenderDeps {
  store: OutboxStore;
  outbound: Outbound;
  kinds: OutboxKinds;
  logger: Logger;
  /** The channels this process can send on (its adapters), asked at every sweep. */
  channels: () => readonly string[];
  /** The platform says the recipient is gone (blocked the bot): write to them no more. */
  unreachable: (chat: ChatAddress) => Promise<void>;
  /** How long a lease lasts (the store's setting): renewed after a third of it. */
  leaseMs: number;
  clock?: () => Date;
  /** Attempts at a message that keeps failing before it is given up (logged as an error). */
  maxAttempts?: number;
  /** Chats one sweep sends at the same time (default 32: most wait for the budget or the network). */
  sweepConcurrency?: number;
  /** Each channel's send budget; without it messages go out as fast as the platform takes them. */
  pacer?: SendPacer;
}

const defaultMaxAttempts = 20;
/** Seconds before the next attempt after a failed send: 2, 4, 8 … at most 5 minutes. */
const backoffSeconds = (attempts: number) => Math.min(300, 2 ** (attempts + 1));

export class OutboxSender {
  private readonly lane = new KeyedLane();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;
  private closed = false;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** A fresh lease token: one per write or acquisition, so two drains never share one. */
  newToken(): string {
    return randomUUID();
  }

  /** Sends a chat this process holds the lease of (from a write); returns what went out. */
  send(lease: OutboxLease): Promise<OutboundMessage[]> {
    return this.track(this.lane.run(lease.chat.key, () => this.drain(lease)));
  }

  /** Sends what waits in a chat, unless someone else is sending it. */
  resume(key: string): Promise<OutboundMessage[]> {
    return this.track(
      this.lane.run(key, async () => {
        const lease = await this.deps.store.acquire(key, this.newToken());
        return lease ? this.drain(lease) : [];
      }),
    );
  }

  /**
   * Sends what waits in a chat, or, when another sender holds it, waits (at most about a
   * lease) until what was written so far went out: a platform that gets its answer only
   * then (a webhook's 200) knows the replies were delivered, as before the outbox.
   */
  async flush(key: string): Promise<OutboundMessage[]> {
    const sent = await this.resume(key);
    const target = (await this.deps.store.progress(key))?.lastSeq ?? 0;
    const cap = Date.now() + this.deps.leaseMs * 1.5;
    for (;;) {
      const now = await this.deps.store.progress(key);
      if (!now || now.doneSeq >= target || Date.now() > cap || this.closed) return sent;
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent.push(...(await this.resume(key)));
    }
  }

  /** Sends now what waits in these chats, for those on a channel this process holds. */
  async kick(chats: readonly ChatAddress[]): Promise<void> {
    const mine = new Set(this.deps.channels());
    const keys = new Set(chats.filter((c) => mine.has(c.channel)).map((c) => c.key));
    await Promise.all([...keys].map((key) => this.resume(key)));
  }

  /** One pass over chats whose messages wait with nobody sending them; returns how many. */
  sweep(limit = 200): Promise<number> {
    this.sweeping ??= this.sweepOnce(limit).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /**
   * Sweeps every `everyMs` until closed; a sweep that found a full batch goes straight on with
   * the next, so a backlog (a campaign) keeps the channel's budget busy without pauses.
   */
  start(everyMs: number, limit = 200): void {
    if (this.timer || this.closed) return;
    let draining = false;
    this.timer = setInterval(() => {
      if (draining) return;
      draining = true;
      void (async () => {
        while (!this.closed && (await this.sweep(limit)) >= limit);
      })()
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: describe(error) }, 'outbox sweep failed'),
        )
        .finally(() => (draining = false));
    }, everyMs);
    this.timer.unref();
  }

  /** Resolves once every send started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops sweeping and waits for the sends in progress. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
    await this.idle();
  }

  private async sweepOnce(limit: number): Promise<number> {
    const channels = this.deps.channels();
    if (channels.length === 0 || this.closed) return 0;
    const keys = (await this.deps.store.waiting(channels, limit)).filter((k) => !this.lane.busy(k));
    const concurrency = this.deps.sweepConcurrency ?? 32;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, keys.length) }, async () => {
        while (next < keys.length && !this.closed) await this.resume(keys[next++]!);
      }),
    );
    return keys.length;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /** Sends a leased chat's messages in order until none is left or the lease is gone. */
  private async drain(lease: OutboxLease): Promise<OutboundMessage[]> {
    const { store, logger } = this.deps;
    const { chat, token } = lease;
    const trace = { chat: chat.key.slice(0, 12), channel: chat.channel };
    const sent: OutboundMessage[] = [];
    try {
      let renewed = Date.now();
      let row: OutboxRow | null = lease.next ?? (await store.next(chat.key, token));
      while (row) {
        if (Date.now() - renewed > this.deps.leaseMs / 3) {
          if (!(await store.renew(chat.key, token))) return sent;
          renewed = Date.now();
        }
        const attempt = await this.attempt(chat, token, row);
        if (attempt.outcome === 'retry') {
          const delay = backoffSeconds(row.attempts);
          await store.retryLater(chat.key, row.seq, token, delay);
          logger.warn(
            {
              ...trace,
              seq: row.seq,
              attempt: row.attempts + 1,
              retryInS: delay,
              err: attempt.error,
            },
            'outbox message not sent, trying again later',
          );
          return sent;
        }
        const done = await store.markDone(chat.key, row.seq, token, attempt.outcome, attempt.id);
        renewed = Date.now();
        if (attempt.message) {
          sent.push(attempt.message);
          await this.afterSent(row, chat, trace);
        } else if (attempt.outcome === 'failed' || attempt.outcome === 'unreachable') {
          await this.afterUndelivered(row, chat, attempt.outcome, trace);
        }
        if (!done.held) {
          logger.warn(trace, 'outbox lease lost while sending; another sender goes on');
          return sent;
        }
        if (done.forget) await store.forget(chat.key);
        row = done.next ?? (done.more ? await store.next(chat.key, token) : null);
      }
    } catch (error) {
      // The database is away: the lease runs out and a sweeper goes on from here.
      logger.warn({ ...trace, err: describe(error) }, 'outbox send interrupted');
    }
    return sent;
  }

  /** Renders and sends one message; says what became of it. */
  private async attempt(
    chat: ChatAddress,
    token: string,
    row: OutboxRow,
  ): Promise<
    | {
        outcome: Exclude<OutboxOutcome, 'failed'>;
        id: string | null;
        message: OutboundMessage | null;
      }
    | { outcome: 'failed'; id: null; message: null }
    | { outcome: 'retry'; error: string }
  > {
    let message: OutboundMessage | null = null;
    if (row.once && row.started) {
      this.deps.logger.warn(
        { chat: chat.key.slice(0, 12), seq: row.seq },
        'a sender died while sending a message that goes out once: recorded as uncertain',
      );
      return { outcome: 'uncertain', id: null, message: null };
    }
    try {
      const rendered = await this.deps.kinds.get(row.kind).render(row.body, chat);
      if (!rendered) return { outcome: 'skipped', id: null, message: null };
      message = { channel: chat.channel, userId: chat.address, ...rendered };
      const { pacer } = this.deps;
      if (pacer) {
        const priority = this.deps.kinds.priority(row);
        await this.renewing(chat.key, token, () => pacer.take(chat.channel, priority, chat.key));
      }
      if (row.once && !(await this.deps.store.begin(chat.key, row.seq, token))) {
        return { outcome: 'retry', error: 'lease lost' };
      }
      const id = await this.renewing(chat.key, token, () => this.deps.outbound.send(message!));
      return { outcome: 'sent', id: typeof id === 'string' ? id : null, message };
    } catch (error) {
      if (error instanceof RecipientUnreachableError) {
        this.deps.logger.warn({ chat: chat.key.slice(0, 12) }, 'recipient unreachable, marked');
        await this.deps.unreachable(chat);
        return { outcome: 'unreachable', id: null, message: null };
      }
      if (row.attempts + 1 >= (this.deps.maxAttempts ?? defaultMaxAttempts)) {
        this.deps.logger.error(
          { chat: chat.key.slice(0, 12), seq: row.seq, kind: row.kind, err: describe(error) },
          'outbox message given up after repeated failures',
        );
        return { outcome: 'failed', id: null, message: null };
      }
      return { outcome: 'retry', error: describe(error) };
    }
  }

  /** Runs a send, renewing the lease meanwhile: a platform may make it wait (429). */
  private async renewing<T>(key: string, token: string, send: () => Promise<T>): Promise<T> {
    const every = Math.max(50, this.deps.leaseMs / 3);
    const timer = setInterval(() => {
      this.deps.store.renew(key, token).then(
        (held) => held || this.deps.logger.warn({ chat: key.slice(0, 12) }, 'outbox lease lost'),
        (error: unknown) =>
          this.deps.logger.warn(
            { chat: key.slice(0, 12), err: describe(error) },
            'lease renewal failed',
          ),
      );
    }, every);
    try {
      return await send();
    } finally {
      clearInterval(timer);
    }
  }

  private async afterUndelivered(
    row: OutboxRow,
    chat: ChatAddress,
    outcome: 'failed' | 'unreachable',
    trace: object,
  ): Promise<void> {
    try {
      await this.deps.kinds.get(row.kind).undelivered?.(row.body, chat, outcome, this.clock());
    } catch (error) {
      this.deps.logger.warn(
        { ...trace, kind: row.kind, err: describe(error) },
        'after-failure step failed',
      );
    }
  }

  private async afterSent(row: OutboxRow, chat: ChatAddress, trace: object): Promise<void> {
    try {
      await this.deps.kinds.get(row.kind).sent?.(row.body, chat, this.clock());
    } catch (error) {
      this.deps.logger.warn(
        { ...trace, kind: row.kind, err: describe(error) },
        'after-send step failed',
      );
    }
  }
}

/** What may be logged of an error: its name and code, never a payload. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
