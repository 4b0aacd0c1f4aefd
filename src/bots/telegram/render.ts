/**
 * An outbound message as Telegram `sendMessage` calls: plain text (no parse mode, so a `*` or
 * `_` in a translation never breaks a message), choices as an inline keyboard with one
 * button per row, and text beyond Telegram's 4096-character limit split over several
 * messages, with the keyboard on the last one. Should a choice id ever be too long for a
 * button, the choices become numbered lines, as on the simulator: typing the number works.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { OutboundMessage } from '../channel.js';
import { encodeCallbackData } from './callback-data.js';

/** Telegram's limit on a message text, in UTF-16 code units. */
export const maxMessageLength = 4096;

export interface TelegramSend {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

export function renderForTelegram(message: OutboundMessage): TelegramSend[] {
  const data = message.choices.map((c) => encodeCallbackData(c.id, message.ref));
  if (message.choices.length === 0 || data.includes(null)) {
    const lines = message.choices.map((c, i) => `${i + 1}. ${c.label}`);
    return splitText([message.text, ...lines].join('\n'), maxMessageLength).map((text) => ({
      text,
    }));
  }
  const replyMarkup: InlineKeyboardMarkup = {
    inline_keyboard: message.choices.map((choice, i) => [
      { text: choice.label, callback_data: data[i]! },
    ]),
  };
  const parts = splitText(message.text, maxMessageLength);
  return parts.map((text, i) => (i === parts.length - 1 ? { text, replyMarkup } : { text }));
}

/**
 * Splits at the last line break (or else space) within the limit, so words stay whole;
 * never between the two halves of a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    let separator = 1;
    if (cut <= 0) {
      separator = 0;
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + separator);
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
