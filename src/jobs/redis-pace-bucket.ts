/**
 * A channel's send budget in Redis, shared by every process of an installation: the bot, its
 * workers and the dashboard all send on the same Telegram bot, and Telegram counts what the
 * bot sends, not what each process sends. Dividing the rate by the number of processes would
 * leave budget unused whenever one is idle and break when someone scales a service; a
 * budget in PostgreSQL would add a statement to every message. Redis is there whenever more
 * than one process runs (the job queues need it), and one script call a message is cheap.
 *
 * The script is the same generic cell rate algorithm as the memory bucket, on Redis's clock
 * (so processes on different machines agree): `next` is when the next message may go; a
 * live message that has to wait sets `live` so background messages of every process wait
 * until it went out. While Redis cannot be reached, each process paces on its own (the
 * memory bucket): replies keep going out, and Telegram's 429s are waited out by auto-retry.
 */
import { Redis } from 'ioredis';
import { MemoryPaceBucket } from '../conversations/memory-pace-bucket.js';
import type { ChannelPace, PaceBucket, SendPriority } from '../conversations/send-pacer.js';

/** KEYS: next, live. ARGV: interval (µs), priority. Returns µs to wait; 0 when taken. */
const script = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
if ARGV[2] ~= 'live' then
  local live = tonumber(redis.call('GET', KEYS[2]) or '0')
  if live > now then return math.ceil(live - now) end
end
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < now - interval then next = now end
if next > now then
  if ARGV[2] == 'live' then
    local ttl = math.ceil((next - now + interval) / 1000) + 1
    redis.call('SET', KEYS[2], string.format('%.0f', next + interval), 'PX', ttl)
  end
  return math.ceil(next - now)
end
local ttl = math.ceil(interval / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.0f', next + interval), 'PX', ttl)
return 0
`;

export class RedisPaceBucket implements PaceBucket {
  private readonly redis: Redis;
  private readonly fallback = new MemoryPaceBucket();

  /** `prefix` keeps installations (and tests) sharing one Redis apart. */
  constructor(
    redisUrl: string,
    private readonly prefix = 'bloei',
  ) {
    // Give up on a call soon while Redis is away, and pace in memory meanwhile.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    this.redis.defineCommand('bloeiPace', { numberOfKeys: 2, lua: script });
    this.redis.on('error', () => undefined);
  }

  async take(channel: string, priority: SendPriority, pace: ChannelPace): Promise<number> {
    const key = `${this.prefix}:pace:${channel}`;
    const call = this.redis as unknown as {
      bloeiPace(next: string, live: string, interval: number, priority: string): Promise<number>;
    };
    try {
      const waitUs = await call.bloeiPace(
        `${key}:next`,
        `${key}:live`,
        Math.round(1_000_000 / pace.perSecond),
        priority,
      );
      return waitUs / 1000;
    } catch {
      return this.fallback.take(channel, priority, pace);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
