/**
 * What residents sent while Bloei was away. WhatsApp Web never delivers a message twice, but
 * it keeps the chats: after connecting, each private chat with unread messages, or whose
 * newest received message is newer than the newest one Bloei handled there, is read back
 * (`chat.fetchMessages`). Bloei marks a chat read once it handled a message, so unread means
 * unhandled; the spool's markers recognise what was handled already, so reading too much is
 * harmless and nothing is handled twice.
 */
import type { InboundSpool } from '../inbound-spool.js';
import { ignoreReason, privateChat } from './ignore-reason.js';
import { messageIdOf, whatsappChannel } from './to-inbound.js';
import type { WhatsAppChat, WhatsAppClient, WhatsAppMessage } from './whatsapp-client.js';

/** Messages read at first from a chat whose unread count says nothing. */
const firstRead = 20;

/**
 * The backlog, oldest first per chat: received messages of private chats that are unread or
 * sent since the chat's newest handled one, at most `limit` per chat. `onChatFailed` hears of
 * a chat that could not be read (the others still are).
 */
export async function readBacklog(
  client: WhatsAppClient,
  spool: Pick<InboundSpool, 'known' | 'lastHandled'>,
  limit: number,
  onChatFailed: (error: unknown) => void,
): Promise<WhatsAppMessage[]> {
  const chats = (await client.getChats()).filter(
    (chat) => !chat.isGroup && privateChat.test(chat.id._serialized),
  );
  const handledUntil = await spool.lastHandled(
    whatsappChannel,
    chats.map((chat) => chat.id._serialized),
  );
  const newest = chats.flatMap((chat) => (received(chat.lastMessage) ? [chat.lastMessage] : []));
  const known = await spool.known(whatsappChannel, newest.map(messageIdOf));
  const backlog: WhatsAppMessage[] = [];
  for (const chat of chats) {
    const since = handledUntil.get(chat.id._serialized);
    const last = chat.lastMessage;
    const unhandled =
      since !== undefined &&
      received(last) &&
      !known.has(messageIdOf(last)) &&
      sentAt(last) >= since.getTime();
    if (chat.unreadCount <= 0 && !unhandled) continue;
    try {
      backlog.push(...(await readChat(chat, since, limit)));
    } catch (error) {
      onChatFailed(error);
    }
  }
  return backlog;
}

/** The chat's unread messages and those sent since `since`, oldest first. */
async function readChat(
  chat: WhatsAppChat,
  since: Date | undefined,
  limit: number,
): Promise<WhatsAppMessage[]> {
  const unread = Math.max(0, chat.unreadCount);
  let count = Math.min(limit, Math.max(unread, firstRead));
  let messages = await chat.fetchMessages({ limit: count });
  // Everything read is newer than the last handled message: there may be more before it.
  while (
    since !== undefined &&
    count < limit &&
    messages.length >= count &&
    messages.every((m) => sentAt(m) >= since.getTime())
  ) {
    count = Math.min(limit, count * 4);
    messages = await chat.fetchMessages({ limit: count });
  }
  const incoming = messages
    .filter(received)
    .map((message, position) => ({ message, position }))
    .sort((a, b) => a.message.timestamp - b.message.timestamp || a.position - b.position)
    .map(({ message }) => message);
  return incoming.filter(
    (message, i) =>
      i >= incoming.length - unread || (since !== undefined && sentAt(message) >= since.getTime()),
  );
}

function received(message: WhatsAppMessage | undefined): message is WhatsAppMessage {
  return message !== undefined && ignoreReason(message) === undefined;
}

function sentAt(message: WhatsAppMessage): number {
  return message.timestamp * 1000;
}
