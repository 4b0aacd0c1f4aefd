import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { RedisPaceBucket } from '../../src/jobs/redis-pace-bucket.js';

/** One message every 100 s: a second call always falls within the first one's interval. */
const slow = { perSecond: 0.01 };
const intervalMs = 100_000;

describe('RedisPaceBucket', () => {
  const buckets: RedisPaceBucket[] = [];
  const bucket = (prefix: string, url = inject('redisUrl')) => {
    const made = new RedisPaceBucket(url, prefix);
    buckets.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(buckets.splice(0).map((b) => b.close()));
  });

  it('shares one budget between processes', async () => {
    const prefix = `pace-${randomUUID()}`;
    const [bot, worker] = [bucket(prefix), bucket(prefix)];
    expect(await bot.take('telegram', 'live', slow)).toBe(0);
    const wait = await worker.take('telegram', 'background', slow);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(intervalMs);
    // Another installation on the same Redis has a budget of its own.
    expect(await bucket(`pace-${randomUUID()}`).take('telegram', 'background', slow)).toBe(0);
  });

  it('keeps each channel to its own budget', async () => {
    const prefix = `pace-${randomUUID()}`;
    const one = bucket(prefix);
    expect(await one.take('telegram', 'background', slow)).toBe(0);
    expect(await one.take('whatsapp', 'background', slow)).toBe(0);
  });

  it("holds back every process's background messages while a live one waits", async () => {
    const prefix = `pace-${randomUUID()}`;
    const [bot, worker] = [bucket(prefix), bucket(prefix)];
    expect(await worker.take('telegram', 'background', slow)).toBe(0);
    const live = await bot.take('telegram', 'live', slow);
    expect(live).toBeGreaterThan(0);
    // The background message waits past the moment the live one goes, by one interval.
    const background = await worker.take('telegram', 'background', slow);
    expect(background).toBeGreaterThan(live);
  });

  it('paces in memory while Redis cannot be reached', async () => {
    const away = bucket(`pace-${randomUUID()}`, 'redis://127.0.0.1:1');
    expect(await away.take('telegram', 'live', slow)).toBe(0);
    expect(await away.take('telegram', 'live', slow)).toBeGreaterThan(0);
  });
});
