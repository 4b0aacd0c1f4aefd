/**
 * A wwebjs message → an inbound message. Text stays text; everything else (photo, voice,
 * sticker, location, …) is media of a kind, which the engine answers with "text only". The
 * meaning of a reply ("2", a label, "ja") is the engine's business, not the adapter's.
 */
import type { InboundMessage } from '../channel.js';
import { languageFromNumber } from './language-from-number.js';
import type { WhatsAppMessage } from './whatsapp-client.js';

export const whatsappChannel = 'whatsapp';

/** wwebjs message types → the media kinds Bloei's other channels use. */
const mediaKinds: Record<string, string> = {
  image: 'photo',
  ptt: 'voice',
  vcard: 'contact',
  multi_vcard: 'contact',
};

/** The id Bloei knows a WhatsApp message by (it quotes the chat: never log it). */
export function messageIdOf(message: WhatsAppMessage): string {
  return message.id._serialized || message.id.id;
}

/** `message`, received by Bloei at `now`. */
export function toInbound(message: WhatsAppMessage, now: Date = new Date()): InboundMessage {
  const languageHint = languageFromNumber(message.from);
  return {
    ...(languageHint ? { languageHint } : {}),
    channel: whatsappChannel,
    userId: message.from,
    messageId: messageIdOf(message),
    receivedAt: now,
    sentAt: new Date(message.timestamp * 1000),
    content:
      message.type === 'chat'
        ? { type: 'text', text: message.body }
        : {
            type: 'media',
            kind: mediaKinds[message.type] ?? message.type,
            // Its content stays in WhatsApp Web; the message id finds it when it is passed on.
            ...(message.hasMedia ? { ref: messageIdOf(message) } : {}),
          },
  };
}
