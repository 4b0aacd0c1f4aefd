/**
 * Tries a step again after a pause while it fails, for a channel that will not deliver a
 * message a second time itself (WhatsApp Web: writing a message to the inbound spool).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `task` until it succeeds, pausing `delays[n]` after failure n + 1. `onFailure` hears
 * of every failure first, with the pause that follows (undefined: given up, and the failure
 * is thrown). An aborted `signal` ends a pause early and gives up.
 */
export async function withRetries<T>(
  task: () => Promise<T>,
  delays: readonly number[],
  onFailure: (error: unknown, attempt: number, retryInMs: number | undefined) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      const delay = signal?.aborted ? undefined : delays[attempt - 1];
      onFailure(error, attempt, delay);
      if (delay === undefined) throw error;
      await sleep(delay, undefined, signal ? { signal } : {}).catch(() => undefined);
      if (signal?.aborted) throw error;
    }
  }
}
