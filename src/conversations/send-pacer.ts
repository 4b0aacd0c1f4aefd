/**
 * One send budget per channel, shared by every message Bloei sends on it: live replies,
 * relays, alerts, follow-ups and scheduled sends all wait here before they reach the
 * platform. Live messages go first; scheduled ones (sent on Bloei's own initiative) get
 * what live traffic leaves over, so a campaign never slows a conversation down and still
 * moves whenever live traffic is below the budget.
 *
 * The budget itself is a `PaceBucket` (generic cell rate algorithm: one message every
 * 1/rate seconds, no burst). It is handed out `headroom` (4%) under the configured rate: what
 * lies between the budget and the platform (a database mark, the adapter, the network) takes
 * a few to tens of milliseconds more for one message than for the next, which bunches
 * messages on arrival. At 25 a second a window gets 25 messages let through at most, and
 * one more from that jitter stays within 4% of the rate (measured: `npm run bench -- pacing`).
 * In one process a bucket in memory does; with Redis configured every process of an
 * installation draws from the same bucket there (see redis-pace-bucket.ts), because a bot,
 * its workers and the dashboard all send on the same Telegram bot.
 */

/** Live: a reply, relay or alert someone is waiting for. Background: Bloei's own initiative. */
export type SendPriority = 'live' | 'background';

/** A channel's budget: messages per second across the whole installation. */
export interface ChannelPace {
  perSecond: number;
  /**
   * Least time between two messages to one chat (Telegram: about a second). Kept here,
   * before a message takes its place in the budget, so the platform adapter's own per-chat
   * throttle never holds a message that was let through and then sends it in a later second
   * beside the others.
   */
  perChatMs?: number;
}

/** Per channel id; a channel without an entry (web chat, simulator) is not paced. */
export type SendPacing = Readonly<Record<string, ChannelPace>>;

/** Where the budget is counted. */
export interface PaceBucket {
  /**
   * Takes one message from the channel's budget now (0), or says how many milliseconds to
   * wait before asking again. A background message is refused while a live one waits.
   */
  take(channel: string, priority: SendPriority, pace: ChannelPace): Promise<number>;
  close?(): Promise<void>;
}

export interface SendPacerDeps {
  pacing: SendPacing;
  bucket: PaceBucket;
  /** Waits, and the time in ms; injected so tests run on a clock of their own. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Lane {
  live: Waiter[];
  background: Waiter[];
  pumping: boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How far under the configured rate the budget is handed out (see the header). */
export const headroom = 0.04;

/** Chats remembered for their per-chat spacing before the stale ones are let go. */
const chatsKept = 10_000;

export class SendPacer {
  private readonly lanes = new Map<string, Lane>();
  /** When each chat (channel and key) last had a message let through. */
  private readonly lastToChat = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly deps: SendPacerDeps) {
    this.sleep = deps.sleep ?? realSleep;
    this.now = deps.now ?? (() => performance.now());
  }

  /** Resolves when a message of this priority may go out on `channel` (to `chat`, if given). */
  async take(channel: string, priority: SendPriority, chat?: string): Promise<void> {
    const pace = this.deps.pacing[channel];
    if (!pace) return;
    const chatKey = pace.perChatMs && chat ? `${channel}:${chat}` : null;
    if (chatKey) {
      const since = this.now() - (this.lastToChat.get(chatKey) ?? -Infinity);
      if (since < pace.perChatMs!) await this.sleep(pace.perChatMs! - since);
    }
    await this.queue(channel, priority, { ...pace, perSecond: pace.perSecond * (1 - headroom) });
    if (chatKey) this.noteChat(chatKey, pace.perChatMs!);
  }

  private queue(channel: string, priority: SendPriority, pace: ChannelPace): Promise<void> {
    const lane = this.lane(channel);
    const waiting = new Promise<void>((resolve, reject) =>
      lane[priority].push({ resolve, reject }),
    );
    if (!lane.pumping) void this.pump(channel, lane, pace);
    return waiting;
  }

  /** Messages of each priority waiting for the budget of `channel`. */
  waiting(channel: string): { live: number; background: number } {
    const lane = this.lanes.get(channel);
    return { live: lane?.live.length ?? 0, background: lane?.background.length ?? 0 };
  }

  async close(): Promise<void> {
    await this.deps.bucket.close?.();
  }

  private noteChat(chatKey: string, perChatMs: number): void {
    const now = this.now();
    this.lastToChat.delete(chatKey);
    this.lastToChat.set(chatKey, now);
    if (this.lastToChat.size <= chatsKept) return;
    // Oldest first (insertion order): forget those whose spacing has passed.
    for (const [key, at] of this.lastToChat) {
      if (now - at < perChatMs) break;
      this.lastToChat.delete(key);
    }
  }

  private lane(channel: string): Lane {
    let lane = this.lanes.get(channel);
    if (!lane) {
      lane = { live: [], background: [], pumping: false };
      this.lanes.set(channel, lane);
    }
    return lane;
  }

  /** Hands out the channel's budget, live waiters first, until nobody waits. */
  private async pump(channel: string, lane: Lane, pace: ChannelPace): Promise<void> {
    lane.pumping = true;
    try {
      for (;;) {
        const priority: SendPriority | null =
          lane.live.length > 0 ? 'live' : lane.background.length > 0 ? 'background' : null;
        if (!priority) return;
        let wait: number;
        try {
          wait = await this.deps.bucket.take(channel, priority, pace);
        } catch (error) {
          // The shared budget cannot be read (Redis away): fail the first waiter, whose send
          // is tried again later by the outbox, rather than send unpaced.
          lane[priority].shift()?.reject(error);
          await this.sleep(1000 / pace.perSecond);
          continue;
        }
        if (wait <= 0) lane[priority].shift()?.resolve();
        else await this.sleep(wait);
      }
    } finally {
      lane.pumping = false;
    }
  }
}
