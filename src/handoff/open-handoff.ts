/**
 * Opens a hand-off inside the turn that asks for it: the owner is chosen (choose-owner.ts),
 * the hand-off stored, and the "new hand-off" alert written into each recipient's outbox in
 * the same transaction, so a crash or an emptied Redis after the commit cannot lose it: the
 * outbox sends it, and maintenance raises it again should it still reach nobody.
 */
import type { HandoffOpener, HandoffRequest, StoreTx } from '../conversations/ports.js';
import type { ChatAddress } from '../conversations/outbox-ports.js';
import { chooseOwner } from './choose-owner.js';
import { alertMessage, alertRecipients } from './handoff-alerts.js';

export const handoffOpener: HandoffOpener = {
  async open(
    tx: StoreTx,
    contactId: string,
    request: HandoffRequest,
  ): Promise<{ handoffId: string; chats: ChatAddress[] }> {
    const staff = await tx.ownerCandidates();
    const resident = await tx.loadContact(contactId);
    const ownerId = chooseOwner(staff, request.wijk, resident?.language ?? null);
    const handoffId = await tx.insertHandoff(contactId, { ...request, ownerId });
    const chats: ChatAddress[] = [];
    for (const recipient of alertRecipients(staff, { ownerId, wijk: request.wijk }, 'new')) {
      const { chat, entry } = alertMessage(handoffId, 'new', recipient);
      await tx.enqueue(chat, [entry], null, request.at);
      chats.push(chat);
    }
    return { handoffId, chats };
  },
};
