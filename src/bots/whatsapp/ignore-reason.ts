/**
 * Which WhatsApp messages are not a resident talking to Bloei: groups, status updates,
 * broadcasts and channels, our own messages, system notices, and the backlog from before
 * this session (WhatsApp replays it on connect; answering it hours later would confuse).
 */
import type { WhatsAppMessage } from './whatsapp-client.js';

export type IgnoreReason = 'own' | 'status' | 'group' | 'not-private' | 'system' | 'before-session';

/** Private chats: a phone number (`@c.us`) or WhatsApp's hidden-number id (`@lid`). */
const privateChat = /@(c\.us|lid)$/;

/** Notices WhatsApp puts in a chat that nobody typed. */
const systemTypes = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'broadcast_notification',
  'protocol',
  'call_log',
  'ciphertext',
  'revoked',
  'debug',
]);

/** Why to skip `message`, or undefined to handle it; `sessionStart` is when we became ready. */
export function ignoreReason(
  message: WhatsAppMessage,
  sessionStart: Date | undefined,
): IgnoreReason | undefined {
  if (message.fromMe) return 'own';
  if (message.isStatus || message.from === 'status@broadcast') return 'status';
  if (message.from.endsWith('@g.us')) return 'group';
  if (!privateChat.test(message.from)) return 'not-private';
  if (systemTypes.has(message.type)) return 'system';
  // wwebjs timestamps are whole seconds: compare in seconds, so a message sent in the same
  // second as `ready` still counts.
  if (!sessionStart || message.timestamp < Math.floor(sessionStart.getTime() / 1000)) {
    return 'before-session';
  }
  return undefined;
}
