/**
 * A channel's send budget in this process's memory: the generic cell rate algorithm (GCRA).
 * Each channel keeps the earliest moment its next message may go (`next`); taking one moves
 * it 1/rate seconds on. No burst: messages keep to a schedule 1/rate apart (one that went a
 * little late does not move the schedule), so no one-second window holds more than the rate
 * and one message. A live message that has to wait makes background ones wait too,
 * until it went out (the same rule as the Redis bucket, which several processes share).
 */
import type { ChannelPace, PaceBucket, SendPriority } from './send-pacer.js';

interface ChannelState {
  /** When the next message may go (ms). */
  next: number;
  /** Background messages wait until then: a live one is waiting for the budget. */
  liveWaitsUntil: number;
}

export class MemoryPaceBucket implements PaceBucket {
  private readonly channels = new Map<string, ChannelState>();

  /** `now` in milliseconds; injected so tests run on a clock of their own. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  async take(channel: string, priority: SendPriority, pace: ChannelPace): Promise<number> {
    const now = this.now();
    const interval = 1000 / pace.perSecond;
    let state = this.channels.get(channel);
    if (!state) {
      state = { next: now, liveWaitsUntil: 0 };
      this.channels.set(channel, state);
    }
    if (priority === 'background' && state.liveWaitsUntil > now) return state.liveWaitsUntil - now;
    // A pump that woke a little late keeps to the schedule instead of losing the time.
    const next = state.next >= now - interval ? state.next : now;
    if (next > now) {
      if (priority === 'live') state.liveWaitsUntil = next + interval;
      return next - now;
    }
    state.next = next + interval;
    return 0;
  }
}
