/**
 * What a resident hears about their hand-off: who will contact them once a verbinder claims
 * it, that they can go on with Bloei once it is closed. The notice is an outbox message of
 * the resident's chat, written in the transaction that claims or closes the hand-off and
 * sent by whichever process holds the resident's channel (a WhatsApp resident can only be
 * reached by the process with the WhatsApp session). The text is rendered when it is sent,
 * from the rows as they are then: nothing goes to a resident who stopped or was forgotten.
 */
import { chatOf } from '../conversations/identity-key.js';
import type { OutboxKind } from '../conversations/outbox-kinds.js';
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { RenderedMessage, Translator } from '../conversations/ports.js';
import type { BotMessage } from '../flows/events.js';
import type { Store } from '../store/store.js';

export type NoticeEvent = 'claimed' | 'closed';

export interface ResidentNotice {
  handoffId: string;
  event: NoticeEvent;
}

/** The outbox kind of notices to residents. */
export const residentNoticeKind = 'resident-notice';

export class ResidentNotices implements OutboxKind {
  constructor(private readonly deps: { store: Store; translator: Translator }) {}

  /**
   * Writes the notice into the resident's outbox, in `store`'s transaction. Returns their
   * chat, or null when they cannot be reached (no channel, stopped, forgotten).
   */
  async write(store: Store, notice: ResidentNotice, at: Date): Promise<ChatAddress | null> {
    const handoff = await store.handoffs.forNotice(notice.handoffId);
    const contact = handoff?.contact;
    if (!contact || contact.status !== 'active') return null;
    const chat = chatOf(contact.channel, contact.externalId);
    await store.outbox.enqueue(chat, [{ kind: residentNoticeKind, body: notice }], null, at);
    return chat;
  }

  async render(body: unknown): Promise<RenderedMessage | null> {
    const { handoffId, event } = body as ResidentNotice;
    const handoff = await this.deps.store.handoffs.forNotice(handoffId);
    const contact = handoff?.contact;
    if (!handoff || !contact || contact.status !== 'active') return null;
    const message: BotMessage =
      event === 'claimed'
        ? { key: 'handoff.claimed', params: { name: { text: handoff.claimedByName ?? '' } } }
        : { key: 'handoff.closed', params: {} };
    return this.deps.translator.render(message, contact.language);
  }
}
