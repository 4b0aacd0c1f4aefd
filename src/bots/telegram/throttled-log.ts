/**
 * A log line that may be triggered by anyone, said at most once per interval with how often
 * it happened: a stranger knocking on the webhook thousands of times fills no disk. The
 * first occurrence is said at once; the rest of an interval is summed up when it ends.
 */
export class ThrottledLog {
  private count = 0;
  private lastWritten = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Writes the line, with how often it happened since the last one. */
    private readonly write: (count: number) => void,
    private readonly everyMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  hit(): void {
    this.count++;
    const wait = this.lastWritten + this.everyMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), wait).unref();
  }

  /** Writes what was counted and not yet said (on close, or when the interval ends). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.count === 0) return;
    this.write(this.count);
    this.count = 0;
    this.lastWritten = this.now();
  }
}
