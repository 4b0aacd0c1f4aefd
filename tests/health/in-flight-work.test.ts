import { describe, expect, it } from 'vitest';
import { InFlightWork } from '../../src/health/in-flight-work.js';

describe(InFlightWork.name, () => {
  it('is idle at once when nothing runs', async () => {
    const work = new InFlightWork();
    await expect(work.idle()).resolves.toBeUndefined();
    expect(work.size).toBe(0);
  });

  it('becomes idle only when every tracked task has settled, failures included', async () => {
    const work = new InFlightWork();
    const finish: (() => void)[] = [];
    const task = () => new Promise<string>((resolve) => finish.push(() => resolve('answered')));
    const first = work.track(task);
    const failing = work.track(async () => {
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('not handled');
    });
    const second = work.track(task);
    let idle = false;
    const idleNow = work.idle().then(() => (idle = true));

    await expect(failing).rejects.toThrow('not handled');
    finish[0]!();
    await expect(first).resolves.toBe('answered');
    expect(idle).toBe(false);
    expect(work.size).toBe(1);
    finish[1]!();
    await expect(second).resolves.toBe('answered');
    await idleNow;
    expect(idle).toBe(true);
  });
});
