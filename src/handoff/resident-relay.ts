/**
 * The resident's side of a relay: what they write while a verbinder talks with them is kept
 * with the hand-off and put in the claiming verbinder's outbox, in the turn's transaction,
 * so it reaches them as surely as Bloei's own replies. A verbinder without a linked chat
 * reads it in the web inbox.
 */
import { chatOf } from '../conversations/identity-key.js';
import type { ResidentRelay } from '../conversations/ports.js';
import { relayEntry, relayToStaffKind } from './relay-kinds.js';

export const residentRelay: ResidentRelay = {
  async relay(tx, contactId, message, at) {
    const handoff = await tx.claimedHandoff(contactId);
    if (!handoff) return [];
    const id = await tx.insertRelayMessage({
      ...(handoff.claimer ? {} : { outcome: 'inbox' as const }),
      handoffId: handoff.id,
      direction: 'in',
      authorId: null,
      text: message.text,
      mediaKind: message.mediaKind,
      mediaRef: message.mediaRef,
      mediaChannel: message.mediaRef ? message.channel : null,
      savedReply: null,
      at,
    });
    if (!handoff.claimer) return [];
    const chat = chatOf(handoff.claimer.channel, handoff.claimer.externalId);
    await tx.enqueue(chat, [relayEntry(relayToStaffKind, id)], null, at);
    return [chat];
  },
};
