/**
 * Long polling that confirms an update to Telegram only once it is handled, without letting
 * one slow chat hold up the others. Telegram forgets every update below the `offset` of the
 * next getUpdates call, and returns at most 100 from it, so the offset stays at the oldest
 * update not yet handled: after a crash Telegram hands those out again, and the inbound
 * handler skips what was done. Each chat's updates are handled one at a time, in order; chats
 * run side by side. An update that fails is tried again after a pause, its chat waiting.
 *
 * The 100-update window is Telegram's: while one chat's update is stuck, the others fill it
 * and intake would stop. So when the window is full and its oldest update has held it up for
 * a while, that chat's updates are set aside durably (the channel writes them to the inbound
 * spool, which handles them later, in order) and only then confirmed. Memory stays bounded by
 * the window: at most 100 updates are ever in hand.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';

/** grammY types its abort signal with the `abort-controller` package; Node's is the same thing. */
type ApiSignal = Parameters<Api['getUpdates']>[1];

/** While updates are in hand, how often to look for new ones (Telegram answers at once then). */
const busyPollMs = 250;
const maxFetchRetryMs = 15_000;
/** Telegram's largest getUpdates answer: the window of updates that can be in hand. */
const windowSize = 100;
const defaultRetryDelaysMs = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const defaultSetAsideAfterMs = 3_000;

/**
 * Which updates are in hand, and so which offset Telegram may be given. While an old update
 * is still being handled, Telegram returns the newer ones again with every answer; those
 * already handed out (or handled) are not handed out twice.
 */
export class UpdateOffsets {
  /** Update id → when it was taken (ms). */
  private readonly inHand = new Map<number, number>();
  /** Handled, but Telegram may still return them: no call has asked past them yet. */
  private readonly handled = new Set<number>();
  private last = -1;
  private wake: (() => void) | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** The offset for the next getUpdates: every update below it has been handled. */
  get offset(): number {
    let oldest = this.last + 1;
    for (const id of this.inHand.keys()) oldest = Math.min(oldest, id);
    return oldest;
  }

  get busy(): boolean {
    return this.inHand.size > 0;
  }

  /** The oldest update in hand (the one that holds the offset back) and since when. */
  get oldest(): { id: number; since: number } | undefined {
    let oldest: { id: number; since: number } | undefined;
    for (const [id, since] of this.inHand) if (!oldest || id < oldest.id) oldest = { id, since };
    return oldest;
  }

  /**
   * The updates of a getUpdates answer not handed out before; they are in hand from now.
   * `offset` is the one the call asked with: Telegram has forgotten what lies below it.
   */
  take(updates: readonly Update[], offset: number): Update[] {
    for (const id of this.handled) if (id < offset) this.handled.delete(id);
    const fresh = updates.filter(
      (u) => !this.inHand.has(u.update_id) && !this.handled.has(u.update_id),
    );
    const now = this.now();
    for (const { update_id: id } of fresh) this.inHand.set(id, now);
    const newest = updates.at(-1);
    // Telegram's newest, as the runner takes it (ids may restart after a quiet week).
    if (newest) this.last = newest.update_id;
    return fresh;
  }

  /** The update was handled (or set aside durably): Telegram may forget it once older ones are. */
  done(updateId: number): void {
    if (!this.inHand.delete(updateId)) return;
    this.handled.add(updateId);
    this.wake?.();
  }

  /** Resolves when an update in hand is done, after `ms`, or when polling stops. */
  settled(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      signal.addEventListener('abort', finish);
      this.wake = finish;
    });
  }
}

export interface LongPollingOptions {
  timeoutSeconds: number;
  allowedUpdates: readonly Exclude<keyof Update, 'update_id'>[];
  /** Handles one update; once it resolves the update is confirmed. A rejection is retried. */
  handle(update: Update): Promise<void>;
  /**
   * Takes a chat's updates over durably, so they can be confirmed before they are handled;
   * `after` settles when the first one's handling, already under way, is over. Without it a
   * chat that holds up the window is waited for.
   */
  setAside?(updates: Update[], after: Promise<unknown>): Promise<void>;
  /** How long the oldest update may hold up a full window before its chat is set aside. */
  setAsideAfterMs?: number;
  /** Pauses before each new attempt at an update whose handling failed; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** An attempt failed; it is tried again after `retryInMs`. */
  onError(error: unknown, update: Update, retryInMs: number): void;
}

/** One update being handled, with its retries. */
interface Attempt {
  update: Update;
  /** Settles when handling is over: true when handled, false when stopped or set aside. */
  done: Promise<boolean>;
  /** Aborted when set aside: the call under way finishes, no new one starts. */
  abandon: AbortController;
}

interface ChatLane {
  queue: Update[];
  current: Attempt | undefined;
}

/** Long polling with per-chat lanes; `stop()` ends it without confirming what is in hand. */
export class LongPolling {
  private readonly offsets = new UpdateOffsets();
  private readonly lanes = new Map<string, ChatLane>();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly api: Api,
    private readonly options: LongPollingOptions,
  ) {}

  start(): void {
    this.loop ??= this.poll();
  }

  isRunning(): boolean {
    return this.loop !== undefined && !this.stopping.signal.aborted;
  }

  /** Ends with the polling loop: rejects when Telegram refuses the token or the poller. */
  task(): Promise<void> | undefined {
    return this.loop;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop?.catch(() => undefined);
  }

  private async poll(): Promise<void> {
    const signal = this.stopping.signal;
    for (let retryMs = 100; !signal.aborted;) {
      const offset = this.offsets.offset;
      let updates: Update[];
      try {
        updates = await this.api.getUpdates(
          {
            offset,
            limit: windowSize,
            timeout: this.offsets.busy ? 0 : this.options.timeoutSeconds,
            allowed_updates: this.options.allowedUpdates,
          },
          signal as unknown as ApiSignal,
        );
      } catch (error) {
        if (signal.aborted) return;
        // Unauthorized, or in conflict with a webhook or another poller: stop.
        if (isFatal(error)) throw error;
        await pause(retryMs, signal);
        retryMs = Math.min(retryMs * 2, maxFetchRetryMs);
        continue;
      }
      retryMs = 100;
      const fresh = this.offsets.take(updates, offset);
      for (const update of fresh) this.enqueue(update);
      if (fresh.length > 0 || !this.offsets.busy) continue;
      // Nothing new while updates are in hand. A full window only moves when its oldest
      // update is done: asking again before then returns the same updates.
      const wait = updates.length >= windowSize ? await this.unblock() : busyPollMs;
      await this.offsets.settled(wait, signal);
    }
  }

  /** Sets aside the chat holding up a full window, when it is time; returns how long to wait. */
  private async unblock(): Promise<number> {
    const oldest = this.offsets.oldest;
    const setAside = this.options.setAside;
    if (!oldest || !setAside) return maxFetchRetryMs;
    const heldMs = Date.now() - oldest.since;
    const afterMs = this.options.setAsideAfterMs ?? defaultSetAsideAfterMs;
    if (heldMs < afterMs) return afterMs - heldMs;
    const entry = [...this.lanes].find(([, lane]) => lane.current?.update.update_id === oldest.id);
    if (!entry) return busyPollMs;
    const [key, lane] = entry;
    const attempt = lane.current!;
    const updates = [attempt.update, ...lane.queue];
    try {
      await setAside(updates, attempt.done);
    } catch (error) {
      this.options.onError(error, attempt.update, maxFetchRetryMs);
      return maxFetchRetryMs;
    }
    attempt.abandon.abort();
    lane.queue = [];
    lane.current = undefined;
    for (const update of updates) this.offsets.done(update.update_id);
    this.next(key, lane);
    return 0;
  }

  private enqueue(update: Update): void {
    const key = chatOf(update);
    const lane = this.lanes.get(key) ?? { queue: [], current: undefined };
    this.lanes.set(key, lane);
    lane.queue.push(update);
    if (!lane.current) this.next(key, lane);
  }

  private next(key: string, lane: ChatLane): void {
    const update = lane.queue.shift();
    if (!update) {
      this.lanes.delete(key);
      return;
    }
    const abandon = new AbortController();
    const attempt: Attempt = { update, done: Promise.resolve(false), abandon };
    attempt.done = this.attempt(attempt);
    lane.current = attempt;
    void attempt.done.then((handled) => {
      if (lane.current !== attempt) return;
      if (handled) this.offsets.done(update.update_id);
      lane.current = undefined;
      if (!this.stopping.signal.aborted) this.next(key, lane);
    });
  }

  /** Handles the update until it works, polling stops, or it was set aside. */
  private async attempt(attempt: Attempt): Promise<boolean> {
    const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
    const over = AbortSignal.any([this.stopping.signal, attempt.abandon.signal]);
    for (let failures = 0; ; failures++) {
      try {
        await this.options.handle(attempt.update);
        return true;
      } catch (error) {
        if (over.aborted) return false;
        const retryInMs = delays[Math.min(failures, delays.length - 1)] ?? busyPollMs;
        this.options.onError(error, attempt.update, retryInMs);
        await pause(retryInMs, over);
        if (over.aborted) return false;
      }
    }
  }
}

/** The chat an update belongs to: its updates are handled in order. */
function chatOf(update: Update): string {
  const chat =
    update.message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id;
  return chat === undefined ? `update:${update.update_id}` : `chat:${chat}`;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}

function isFatal(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);
}
