/**
 * Long polling that confirms an update to Telegram only once it has been handled. Telegram
 * forgets every update below the `offset` of the next getUpdates call, and the runner's own
 * fetcher moves the offset on as soon as a batch arrives, so a process that dies loses the
 * updates it had in hand. Here the offset stays at the oldest update still being handled:
 * after a crash Telegram hands those out again, and the inbound handler skips what was done.
 * Updates are still handled concurrently, as with `run(bot)`.
 */
import {
  createConcurrentSink,
  createRunner,
  createSource,
  type RunnerHandle,
  type UpdateSupplier,
} from '@grammyjs/runner';
import { GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';

/** The runner's abort signal (the `abort-controller` package's, which grammY accepts). */
type Signal = Parameters<UpdateSupplier<Update>['supply']>[1];

/** While updates are in hand, how often to look for new ones (Telegram answers at once then). */
const busyPollMs = 250;
const maxFetchRetryMs = 15_000;

/**
 * Which updates are in hand, and so which offset Telegram may be given. While an old update
 * is still being handled, Telegram returns the newer ones again with every answer; those
 * already handed out (or handled) are not handed out twice.
 */
export class UpdateOffsets {
  private readonly inHand = new Set<number>();
  /** Handled, but Telegram may still return them: no call has asked past them yet. */
  private readonly handled = new Set<number>();
  private last = -1;
  private wake: (() => void) | undefined;

  /** The offset for the next getUpdates: every update below it has been handled. */
  get offset(): number {
    let oldest = this.last + 1;
    for (const id of this.inHand) oldest = Math.min(oldest, id);
    return oldest;
  }

  get busy(): boolean {
    return this.inHand.size > 0;
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
    for (const { update_id: id } of fresh) this.inHand.add(id);
    const newest = updates.at(-1);
    // Telegram's newest, as the runner takes it (ids may restart after a quiet week).
    if (newest) this.last = newest.update_id;
    return fresh;
  }

  /** The update was handled (or given up on): Telegram may forget it once older ones are. */
  done(updateId: number): void {
    this.inHand.delete(updateId);
    this.handled.add(updateId);
    this.wake?.();
  }

  /** Resolves when an update in hand is done, after `ms`, or when polling stops. */
  settled(ms: number, signal: Signal): Promise<void> {
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
  /** An update whose handling failed (it is confirmed anyway, or polling would stall). */
  onError(error: unknown): void;
}

/** Starts polling; `stop()` on the handle ends it. */
export function startLongPolling(bot: Bot, options: LongPollingOptions): RunnerHandle {
  const offsets = new UpdateOffsets();
  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      for (let retryMs = 100; ;) {
        let updates: Update[];
        const offset = offsets.offset;
        try {
          updates = await bot.api.getUpdates(
            {
              offset,
              limit: Math.max(1, Math.min(batchSize, 100)),
              timeout: offsets.busy ? 0 : options.timeoutSeconds,
              allowed_updates: options.allowedUpdates,
            },
            signal,
          );
        } catch (error) {
          // Unauthorized or in conflict with a webhook or another poller: stop, as the runner does.
          if (signal.aborted || isFatal(error)) throw error;
          await pause(retryMs, signal);
          retryMs = Math.min(retryMs * 2, maxFetchRetryMs);
          continue;
        }
        retryMs = 100;
        const fresh = offsets.take(updates, offset);
        if (fresh.length > 0 || !offsets.busy) return fresh;
        await offsets.settled(busyPollMs, signal);
      }
    },
  };
  const sink = createConcurrentSink<Update>(
    {
      consume: (update) => bot.handleUpdate(update).finally(() => offsets.done(update.update_id)),
    },
    async (error) => options.onError(error),
  );
  const runner = createRunner(createSource(supplier), sink);
  runner.start();
  return runner;
}

function isFatal(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409);
}

function pause(ms: number, signal: Signal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
