/**
 * How Telegram delivers one update to a webhook: POST it with the secret, and when no 200
 * comes back (an error status, a refused or dropped connection, or Telegram giving up
 * waiting), post the same update again a little later, until it is accepted. The next update
 * of the same chat is only sent after that.
 */
import { secretHeader } from '../../../src/bots/telegram/webhook-server.js';

export interface DeliveryOptions {
  secret: string;
  /** Give up on the first attempt after this long, as if it timed out (the bot may go on). */
  abandonFirstAfterMs?: number;
  retryDelayMs?: number;
  /** Fail the test when the update is still not accepted after this long. */
  timeoutMs?: number;
}

/** Delivers `update` to `url` until a 200 comes back; returns the number of attempts. */
export async function deliverUpdate(
  url: string,
  update: { update_id: number },
  options: DeliveryOptions,
): Promise<number> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const body = JSON.stringify(update);
  let last = '';
  for (let attempt = 1; ; attempt++) {
    const abandon = attempt === 1 ? options.abandonFirstAfterMs : undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [secretHeader]: options.secret },
        body,
        ...(abandon !== undefined ? { signal: AbortSignal.timeout(abandon) } : {}),
      });
      await response.arrayBuffer();
      if (response.status === 200) return attempt;
      last = `HTTP ${response.status}`;
    } catch (error) {
      // Refused (the process is gone), reset, or abandoned: Telegram tries again later.
      const cause = (error as { cause?: { code?: string } }).cause;
      last = cause?.code ?? (error as Error).name;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `update ${update.update_id} not accepted after ${attempt} attempts (last: ${last})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 150));
  }
}
