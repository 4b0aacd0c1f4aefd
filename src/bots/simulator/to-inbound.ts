/**
 * One typed line → an inbound message. Besides plain text, two markers let a script act like
 * a phone: `<media>` or `<media:sticker>` sends a non-text message, `<tap:ID>` taps the
 * button with choice id ID.
 */
import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../channel.js';

export const simulatorChannel = 'simulator';

export function lineToInbound(
  line: string,
  userId: string,
  options: { languageHint?: string; displayName?: string; now?: Date } = {},
): InboundMessage {
  const media = /^<media(?::(\w+))?>$/.exec(line.trim());
  const tap = /^<tap:([\w-]+)>$/.exec(line.trim());
  return {
    channel: simulatorChannel,
    userId,
    messageId: randomUUID(),
    receivedAt: options.now ?? new Date(),
    content: media
      ? { type: 'media', kind: media[1] ?? 'photo' }
      : tap
        ? { type: 'choice', id: tap[1]! }
        : { type: 'text', text: line },
    ...(options.languageHint ? { languageHint: options.languageHint } : {}),
    ...(options.displayName ? { displayName: options.displayName } : {}),
  };
}
