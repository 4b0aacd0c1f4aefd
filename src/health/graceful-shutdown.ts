/**
 * How a long-running Bloei process ends: on SIGTERM (`docker stop`, a deploy) or SIGINT
 * (Ctrl+C) it runs `stop` once (stop taking new work, finish what it has, close) and exits 0.
 * A stop that fails exits 1; one that takes longer than the timeout, or a second signal,
 * exits 1 at once, so a stuck dependency never keeps a deploy waiting.
 */
import type { Logger } from '../conversations/ports.js';

/** What sends the signals and ends the process: `process`, or a stand-in in tests. */
export interface ShutdownTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

export interface GracefulShutdownOptions {
  logger: Logger;
  /** After a signal, the longest the stop may take before the process exits anyway. */
  timeoutMs: number;
  target?: ShutdownTarget;
  signals?: readonly NodeJS.Signals[];
}

export interface GracefulShutdown {
  /** Stops as a signal would (e.g. when the console chat ends); later calls wait for the first. */
  begin(reason: string): Promise<void>;
}

export function gracefulShutdown(
  stop: () => Promise<void>,
  options: GracefulShutdownOptions,
): GracefulShutdown {
  const { logger, timeoutMs } = options;
  const target: ShutdownTarget = options.target ?? process;
  let stopping: Promise<void> | undefined;

  const begin = (reason: string): Promise<void> => {
    if (stopping) return stopping;
    logger.info({ reason, timeoutMs }, 'stopping: finishing the work in hand');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'stop took too long: exiting without finishing');
      target.exit(1);
    }, timeoutMs);
    stopping = stop().then(
      () => {
        clearTimeout(timer);
        logger.info({}, 'stopped');
        target.exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'stop failed',
        );
        target.exit(1);
      },
    );
    return stopping;
  };

  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as const)) {
    target.on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without finishing');
        target.exit(1);
        return;
      }
      void begin(signal);
    });
  }
  return { begin };
}
