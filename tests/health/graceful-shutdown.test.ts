import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { gracefulShutdown, type ShutdownTarget } from '../../src/health/graceful-shutdown.js';
import { silentLogger } from '../support/test-app.js';

/** A stand-in for `process`: signals are emitted by the test, exits are recorded. */
class FakeProcess extends EventEmitter implements ShutdownTarget {
  readonly exits: number[] = [];
  private exited: (code: number) => void = () => undefined;
  readonly firstExit = new Promise<number>((resolve) => (this.exited = resolve));

  exit(code: number): void {
    this.exits.push(code);
    this.exited(code);
  }
}

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe(gracefulShutdown.name, () => {
  it('on SIGTERM runs the stop once and exits 0 when it is done', async () => {
    const target = new FakeProcess();
    const stop = deferred();
    let stops = 0;
    gracefulShutdown(
      () => {
        stops += 1;
        return stop.promise;
      },
      { logger: silentLogger, timeoutMs: 5_000, target },
    );
    target.emit('SIGTERM', 'SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    expect(target.exits).toEqual([]);
    stop.resolve();
    expect(await target.firstExit).toBe(0);
    expect(stops).toBe(1);
  });

  it('exits 1 at once on a second signal while the stop is still running', async () => {
    const target = new FakeProcess();
    gracefulShutdown(() => new Promise(() => undefined), {
      logger: silentLogger,
      timeoutMs: 5_000,
      target,
    });
    target.emit('SIGINT', 'SIGINT');
    target.emit('SIGINT', 'SIGINT');
    expect(target.exits).toEqual([1]);
  });

  it('exits 1 when the stop takes longer than the timeout', async () => {
    const target = new FakeProcess();
    gracefulShutdown(() => new Promise(() => undefined), {
      logger: silentLogger,
      timeoutMs: 50,
      target,
    });
    const started = Date.now();
    target.emit('SIGTERM', 'SIGTERM');
    expect(await target.firstExit).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('exits 1 when the stop fails', async () => {
    const target = new FakeProcess();
    const stop = deferred();
    gracefulShutdown(() => stop.promise, { logger: silentLogger, timeoutMs: 5_000, target });
    target.emit('SIGTERM', 'SIGTERM');
    stop.reject(new Error('database went away'));
    expect(await target.firstExit).toBe(1);
  });

  it('stops the same way without a signal (the console chat ended), once however often asked', async () => {
    const target = new FakeProcess();
    let stops = 0;
    const shutdown = gracefulShutdown(
      async () => {
        stops += 1;
      },
      { logger: silentLogger, timeoutMs: 5_000, target },
    );
    await Promise.all([shutdown.begin('console closed'), shutdown.begin('console closed')]);
    expect(stops).toBe(1);
    expect(target.exits).toEqual([0]);
  });
});
