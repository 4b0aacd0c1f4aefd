/**
 * A Telegram update → an inbound message, or null when Bloei should not see it. Only
 * private chats count: Bloei talks with one resident at a time, never in groups or
 * channels. The user id is the chat id (equal to the user id in a private chat), and the
 * update id is the delivery id, so a redelivered update is ignored by the core.
 */
import type { Message, Update } from 'grammy/types';
import type { InboundContent, InboundMessage } from '../../conversations/messages.js';
import { decodeCallbackData } from './callback-data.js';

export const telegramChannel = 'telegram';

/**
 * Non-text messages Bloei answers with "I can only read text", in the order they are
 * checked: an animation also carries a `document`, a venue also carries a `location`.
 */
export const mediaKinds = [
  'photo',
  'voice',
  'audio',
  'video',
  'video_note',
  'sticker',
  'animation',
  'venue',
  'location',
  'contact',
  'document',
  'poll',
] as const satisfies readonly (keyof Message)[];

export function toInbound(update: Update, now: Date = new Date()): InboundMessage | null {
  if (update.message) return fromMessage(update.update_id, update.message, now);
  const query = update.callback_query;
  if (query?.data === undefined || query.message?.chat.type !== 'private') return null;
  const choice = decodeCallbackData(query.data);
  if (!choice) return null;
  return {
    channel: telegramChannel,
    userId: String(query.message.chat.id),
    messageId: String(update.update_id),
    receivedAt: now,
    content: { type: 'choice', ...choice },
    ...person(query.from),
  };
}

function fromMessage(updateId: number, message: Message, now: Date): InboundMessage | null {
  if (message.chat.type !== 'private') return null;
  const content = contentOf(message);
  if (!content) return null;
  return {
    channel: telegramChannel,
    userId: String(message.chat.id),
    messageId: String(updateId),
    receivedAt: now,
    sentAt: new Date(message.date * 1000),
    content,
    ...person(message.from),
    ...(message.reply_to_message ? { replyTo: String(message.reply_to_message.message_id) } : {}),
  };
}

function contentOf(message: Message): InboundContent | null {
  if (message.text !== undefined) {
    // A deep link (t.me/<bot>?start=<payload>) arrives as "/start <payload>": the command
    // is what the resident did; the payload means nothing to Bloei yet.
    return { type: 'text', text: message.text.replace(/^(\/start(?:@\w+)?)\s+\S+$/, '$1') };
  }
  const kind = mediaKinds.find((k) => message[k] !== undefined);
  if (!kind) return null;
  const ref = fileIdOf(message);
  return { type: 'media', kind, ...(ref ? { ref } : {}) };
}

function person(
  from: { first_name: string; language_code?: string; username?: string } | undefined,
) {
  return {
    ...(from?.language_code ? { languageHint: from.language_code } : {}),
    ...(from?.first_name ? { displayName: from.first_name } : {}),
    ...(from?.username ? { username: from.username } : {}),
  };
}

/** The file id of a received message's media, when it carries a file (a photo's largest size). */
export function fileIdOf(message: Message): string | undefined {
  const file =
    message.voice ??
    message.audio ??
    message.video ??
    message.video_note ??
    message.animation ??
    message.document;
  return file?.file_id ?? message.photo?.at(-1)?.file_id;
}
