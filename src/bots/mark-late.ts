/**
 * Whether a message is late: sent long before Bloei could handle it (Bloei was down, or the
 * message waited in the spool). The engine then does not take it as an answer to a question
 * the resident may no longer see. Decided here, the same way for every channel.
 */
import type { InboundMessage } from './channel.js';

/** "A few minutes": a restart or a short outage is not late; being down for a while is. */
export const defaultLateAfterMs = 5 * 60_000;

/** `message`, marked late when it was sent more than `lateAfterMs` before `now`. */
export function markLate(message: InboundMessage, now: Date, lateAfterMs: number): InboundMessage {
  const sentAt = message.sentAt;
  if (!sentAt || now.getTime() - sentAt.getTime() <= lateAfterMs) return message;
  return { ...message, late: true };
}
