import { describe, expect, it } from 'vitest';
import { MemoryPaceBucket } from '../../src/conversations/memory-pace-bucket.js';
import { headroom, SendPacer, type SendPriority } from '../../src/conversations/send-pacer.js';

/** Milliseconds between two messages at a configured rate: the budget keeps its headroom. */
const interval = (perSecond: number) => 1000 / (perSecond * (1 - headroom));

/** Time that moves only when the test moves it; `sleep` waits on it. */
class ManualClock {
  now = 0;
  private timers: { at: number; resolve: () => void }[] = [];

  /** `late` says how much later than asked a sleeper wakes (a busy event loop). */
  constructor(private readonly late: () => number = () => 0) {}

  sleep = (ms: number) =>
    new Promise<void>((resolve) => this.timers.push({ at: this.now + ms + this.late(), resolve }));

  /** Moves time to `to`, waking every sleeper on its way in order. */
  async advanceTo(to: number): Promise<void> {
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.at - b.at);
      const first = this.timers[0];
      if (!first || first.at > to) break;
      this.timers.shift();
      this.now = Math.max(this.now, first.at);
      first.resolve();
    }
    this.now = to;
    await settle();
  }
}

/** Lets every promise that can settle do so (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function pacerAt(perSecond: number, late?: () => number) {
  const clock = new ManualClock(late);
  const pacer = new SendPacer({
    pacing: { telegram: { perSecond, perChatMs: 1000 }, whatsapp: { perSecond: 1 } },
    bucket: new MemoryPaceBucket(() => clock.now),
    sleep: clock.sleep,
    now: () => clock.now,
  });
  /** When each message was let through, by priority. */
  const sent: { at: number; arrived: number; priority: SendPriority; chat?: string }[] = [];
  const take = (priority: SendPriority, channel = 'telegram', chat?: string) => {
    const arrived = clock.now;
    return pacer.take(channel, priority, chat).then(() => {
      sent.push({ at: clock.now, arrived, priority, ...(chat ? { chat } : {}) });
    });
  };
  return { clock, pacer, sent, take };
}

/** The most messages in any one-second window [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  let most = 0;
  for (const start of times) {
    most = Math.max(most, times.filter((t) => t >= start && t < start + 1000).length);
  }
  return most;
}

describe('SendPacer', () => {
  it('lets no one-second window carry more than the rate, even from a standing queue', async () => {
    const { clock, sent, take } = pacerAt(25);
    for (let i = 0; i < 300; i++) void take('background');
    await clock.advanceTo(20_000);
    expect(sent).toHaveLength(300);
    const times = sent.map((s) => s.at);
    expect(busiestSecond(times)).toBeLessThanOrEqual(25);
    // …and uses the budget: 300 messages take 299 intervals (24 a second), no more.
    expect(times.at(-1)).toBeLessThanOrEqual(299 * interval(25) + 1);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(interval(25) - 0.001);
  });

  it('keeps to its schedule when it wakes late, at most one message over the rate a second', async () => {
    let seed = 7;
    // Wakes 0–30 ms late, in a fixed pseudo-random order.
    const late = () => (seed = (seed * 48_271) % 2_147_483_647) % 31;
    const { clock, sent, take } = pacerAt(25, late);
    for (let i = 0; i < 300; i++) void take('background');
    await clock.advanceTo(30_000);
    expect(sent).toHaveLength(300);
    const times = sent.map((s) => s.at);
    expect(busiestSecond(times)).toBeLessThanOrEqual(26);
    // Late wake-ups cost no budget: the 300th still goes out within one interval of its time.
    expect(times.at(-1)).toBeLessThanOrEqual(300 * interval(25) + 1);
  });

  it('holds the rate when live and background messages arrive together', async () => {
    const { clock, sent, take } = pacerAt(25);
    for (let i = 0; i < 200; i++) void take('background');
    for (let t = 0; t < 8_000; t += 100) {
      await clock.advanceTo(t);
      void take('live');
      if (t % 300 === 0) void take('live');
    }
    await clock.advanceTo(30_000);
    expect(busiestSecond(sent.map((s) => s.at))).toBeLessThanOrEqual(25);
  });

  it('sends live messages before the background ones that were waiting already', async () => {
    const { clock, sent, take } = pacerAt(10);
    for (let i = 0; i < 50; i++) void take('background');
    await clock.advanceTo(1_050);
    const before = sent.length;
    for (let i = 0; i < 5; i++) void take('live');
    await clock.advanceTo(1_600);
    const next = sent.slice(before);
    // The five live messages are the next five out, one interval (100 ms) apart.
    expect(next.slice(0, 5).map((s) => s.priority)).toEqual(Array(5).fill('live'));
    const firstLive = next[0]!.at;
    expect(firstLive - 1_050).toBeLessThanOrEqual(100);
    await clock.advanceTo(10_000);
    expect(sent.filter((s) => s.priority === 'background')).toHaveLength(50);
  });

  it('gives background messages what live traffic leaves over, so they never starve', async () => {
    const { clock, sent, take } = pacerAt(25);
    for (let i = 0; i < 1_000; i++) void take('background');
    // Live traffic at 10 a second for 20 s: 14 a second (of 24) remain for the background.
    for (let t = 0; t < 20_000; t += 100) {
      await clock.advanceTo(t);
      void take('live');
    }
    await clock.advanceTo(20_000);
    const live = sent.filter((s) => s.priority === 'live');
    const background = sent.filter((s) => s.priority === 'background');
    expect(live.length).toBeGreaterThanOrEqual(199);
    // 14 a second over 20 s is 280; allow a couple of intervals lost at the edges.
    expect(background.length).toBeGreaterThanOrEqual(270);
    expect(background.length + live.length).toBeLessThanOrEqual(20_000 / interval(25) + 1);
    // No live message waited longer than one interval for a background one.
    expect(Math.max(...live.map((s) => s.at - s.arrived))).toBeLessThanOrEqual(interval(25));
  });

  it('keeps each channel to its own budget', async () => {
    const { clock, sent, take } = pacerAt(25);
    // 40 on Telegram take 1.6 s; WhatsApp's third waits two intervals of about a second.
    for (let i = 0; i < 40; i++) void take('background');
    for (let i = 0; i < 3; i++) void take('live', 'whatsapp');
    await clock.advanceTo(1_999);
    expect(sent.filter((s) => s.at < 2_000).length).toBe(40 + 2);
    await clock.advanceTo(2 * interval(1));
    expect(sent).toHaveLength(43);
  });

  it('keeps a second between two messages to one chat, so the platform never holds one back', async () => {
    const { clock, sent, take } = pacerAt(25);
    void (async () => {
      for (let i = 0; i < 3; i++) await take('live', 'telegram', 'resident-1');
    })();
    for (let i = 2; i <= 11; i++) void take('live', 'telegram', `resident-${i}`);
    await clock.advanceTo(5_000);
    const first = sent.filter((s) => s.chat === 'resident-1').map((s) => s.at);
    expect(first).toHaveLength(3);
    expect(first[1]! - first[0]!).toBeGreaterThanOrEqual(1_000);
    expect(first[2]! - first[1]!).toBeGreaterThanOrEqual(1_000);
    // The others are not held up by the first one's spacing: 40 ms apart, all within 0.5 s.
    const others = sent.filter((s) => s.chat !== 'resident-1').map((s) => s.at);
    expect(others).toHaveLength(10);
    expect(Math.max(...others)).toBeLessThan(500);
  });

  it('does not pace a channel without a budget (web chat, simulator)', async () => {
    const { pacer } = pacerAt(1);
    for (let i = 0; i < 100; i++) await pacer.take('webchat', 'background');
    expect(pacer.waiting('webchat')).toEqual({ live: 0, background: 0 });
  });
});
