/**
 * Which WhatsApp messages are not a resident talking to Bloei: groups, status updates,
 * broadcasts and channels, our own messages, and system notices. A message's age is no
 * reason: what was sent while Bloei was away is handled too (see read-backlog.ts).
 */
import type { WhatsAppMessage } from './whatsapp-client.js';

export type IgnoreReason = 'own' | 'status' | 'group' | 'not-private' | 'system';

/** Private chats: a phone number (`@c.us`) or WhatsApp's hidden-number id (`@lid`). */
export const privateChat = /@(c\.us|lid)$/;

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

/** Why to skip `message`, or undefined to handle it. */
export function ignoreReason(message: WhatsAppMessage): IgnoreReason | undefined {
  if (message.fromMe) return 'own';
  if (message.isStatus || message.from === 'status@broadcast') return 'status';
  if (message.from.endsWith('@g.us')) return 'group';
  if (!privateChat.test(message.from)) return 'not-private';
  if (systemTypes.has(message.type)) return 'system';
  return undefined;
}
