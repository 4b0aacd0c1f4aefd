/**
 * At most `size` interactive transactions at a time in this process. A transaction holds a
 * pooled connection from its first statement to its commit; when more are started than the
 * pool has connections, the rest wait inside Prisma and fail after `maxWait`. Waiting here
 * instead, in order, costs nothing and never times out; kept below the pool size, it also
 * leaves connections for the single statements of ordinary turns.
 */
export class TransactionSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
