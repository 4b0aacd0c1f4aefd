/**
 * The texts one process serves, kept fresh without a restart and without a database read per
 * message. Every change bumps one counter row in the same transaction; each process reads
 * that counter at most once per `everyMs` (one indexed single-row read) and loads the
 * overrides only when it moved. The process that saved refreshes at once, so a coordinator
 * sees their own change immediately; bots, workers and replicas follow within `everyMs`.
 *
 * Why a polled counter rather than LISTEN/NOTIFY: it needs no dedicated connection per
 * process outside Prisma's pool, works the same on the embedded PGlite database, and cannot
 * miss a notification sent while a connection was down. Edits are rare; a few seconds'
 * delay between processes is fine, and the read costs nothing measurable.
 */
import { TextCatalog, type ShippedSources, type TextTable } from './text-catalog.js';
import type { TextStore } from './text-store.js';

export interface LiveTextsOptions {
  store: Pick<TextStore, 'version' | 'overrides'>;
  shipped: TextTable;
  shippedSources: ShippedSources;
  /** Told each new catalog, before anyone else sees it: the translator takes it from here. */
  apply(catalog: TextCatalog): void;
  clock(): Date;
  /** At most this often a process asks the database whether texts changed (default 5 s). */
  everyMs?: number;
  /** How often the timer looks whether a check is due; looking costs no I/O (default 1 s). */
  tickMs?: number;
  /**
   * A background check failed (the database is away): the last texts stay in use. Told once
   * per outage, not every few seconds; `recovered` when a check works again.
   */
  onError?(error: Error): void;
  onRecovered?(): void;
}

export class LiveTexts {
  private current: TextCatalog;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<boolean> = Promise.resolve(false);
  private timer: NodeJS.Timeout | null = null;
  private failing = false;
  private readonly everyMs: number;

  constructor(private readonly options: LiveTextsOptions) {
    this.everyMs = options.everyMs ?? 5_000;
    this.current = new TextCatalog(options.shipped, options.shippedSources);
  }

  /** The texts as this process serves them now. */
  get catalog(): TextCatalog {
    return this.current;
  }

  /**
   * Checks the counter now, after any check already under way, and loads the overrides when
   * it moved. True when the texts changed.
   */
  refresh(): Promise<boolean> {
    const next = this.queue.catch(() => false).then(() => this.check());
    this.queue = next;
    return next;
  }

  /** `refresh`, when the last check is at least `everyMs` ago by the injected clock. */
  refreshIfDue(): Promise<boolean> {
    if (this.options.clock().getTime() - this.checkedAt < this.everyMs)
      return Promise.resolve(false);
    return this.refresh();
  }

  /** Starts the background checks; the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    let busy = false;
    this.timer = setInterval(
      () => {
        if (busy) return;
        busy = true;
        this.refreshIfDue()
          .then(
            () => {
              if (this.failing) this.options.onRecovered?.();
              this.failing = false;
            },
            (error: Error) => {
              if (!this.failing) this.options.onError?.(error);
              this.failing = true;
            },
          )
          .finally(() => (busy = false));
      },
      this.options.tickMs ?? Math.min(1_000, this.everyMs),
    );
    this.timer.unref();
  }

  /** Stops the checks and waits for one under way, so the database can close after. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => false);
  }

  private async check(): Promise<boolean> {
    this.checkedAt = this.options.clock().getTime();
    const version = await this.options.store.version();
    if (version === this.current.version) return false;
    // The overrides are read after the counter, so they are at least as new as it says.
    const loaded = await this.options.store.overrides();
    const { shipped, shippedSources } = this.options;
    const catalog = new TextCatalog(shipped, shippedSources, loaded.overrides, loaded.version);
    this.options.apply(catalog);
    this.current = catalog;
    return true;
  }
}
