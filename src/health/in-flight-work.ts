/**
 * Counts the inbound messages a process is handling, so a graceful stop can wait until the
 * ones it already took are answered before it closes the channels and the database.
 */
export class InFlightWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Runs `task` and counts it as in flight until it settles; its result passes through. */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  get size(): number {
    return this.running;
  }

  /** Resolves as soon as nothing is in flight (at once when nothing is). */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
