/**
 * Slows down one resident who sends very many messages in a short time, without delaying
 * anyone else: each resident has a budget of messages per window (rate-limiter-flexible);
 * over it, their next messages wait their turn and they get one friendly note per burst.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface FloodSettings {
  messages: number;
  windowMs: number;
}

export const defaultFlood: FloodSettings = { messages: 8, windowMs: 10_000 };

const noteEveryMs = 60_000;

export class FloodControl {
  private readonly limiter: RateLimiterMemory;
  /** When each resident was last told to slow down: one note a minute at most. */
  private readonly warned = new Map<string, number>();

  constructor(settings: FloodSettings = defaultFlood) {
    this.limiter = new RateLimiterMemory({
      points: settings.messages,
      duration: settings.windowMs / 1000,
    });
  }

  /**
   * Waits until `key` may send again. `onFirstWait` runs once per burst (a minute at most
   * once), before waiting.
   */
  async admit(key: string, onFirstWait: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        await this.limiter.consume(key);
        const since = this.warned.get(key);
        if (since !== undefined && Date.now() - since > noteEveryMs) this.warned.delete(key);
        return;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        if (!this.warned.has(key)) {
          this.warned.set(key, Date.now());
          await onFirstWait();
        }
        await new Promise((resolve) => setTimeout(resolve, rejection.msBeforeNext + 5));
      }
    }
  }
}
