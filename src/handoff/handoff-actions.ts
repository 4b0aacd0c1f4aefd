/**
 * Claiming, answering and closing a hand-off: the same from a verbinder's chat and from the
 * web inbox. An answer is kept with the hand-off and put in the resident's outbox
 * (relay-kinds.ts) in one transaction, like a notice.
 * The change and the notice to the resident (resident-notices.ts) commit together; the
 * notice is sent right after, by this process when it holds the resident's channel. Returns
 * what the verbinder is told (a `staff.*` message, rendered in their language by the caller).
 */
import type { ChatAddress } from '../conversations/outbox-ports.js';
import type { BotMessage } from '../flows/events.js';
import type { Store } from '../store/store.js';
import { chatOf } from '../conversations/identity-key.js';
import { relayEntry, relayToResidentKind } from './relay-kinds.js';
import type { ResidentNotices } from './resident-notices.js';

export type HandoffAction = 'claim' | 'close';

export interface HandoffActionResult {
  reply: BotMessage;
  /** The resident's chat, when they were told something. */
  chats: ChatAddress[];
}

export class HandoffActions {
  constructor(
    private readonly deps: {
      store: Store;
      notices: ResidentNotices;
      /** Sends what waits in these chats now (the outbox sender's kick). */
      send: (chats: readonly ChatAddress[]) => Promise<void>;
    },
  ) {}

  /** Claims or closes hand-off `number` for `verbinder`, and tells the resident. */
  async act(
    action: HandoffAction,
    number: number,
    verbinder: { id: string; name: string },
    now: Date,
  ): Promise<HandoffActionResult> {
    const result = await this.deps.store.transaction((store) =>
      this.change(store, action, number, verbinder, now),
    );
    await this.deps.send(result.chats);
    return result;
  }

  /**
   * Sends a verbinder's answer (`text`, or a saved reply by name) to the resident of hand-off
   * `number`. Only whoever claimed it answers: an open one is claimed first ("pak 12").
   */
  async reply(
    number: number,
    verbinder: { id: string; name: string },
    message: { text: string } | { saved: string },
    now: Date,
  ): Promise<HandoffActionResult> {
    const result = await this.deps.store.transaction(async (store) => {
      const handoff = await store.handoffs.byNumber(number);
      const num = { number: { text: String(number) } };
      const name = handoff?.firstName ? { text: handoff.firstName } : { key: 'staff.noName' };
      const only = (key: string, params: BotMessage['params'] = {}) => ({
        reply: { key, params: { ...num, name, ...params } },
        chats: [],
      });
      if (!handoff) return only('staff.unknownHandoff');
      if (handoff.status === 'closed') return only('staff.alreadyClosed');
      if (handoff.claimedById !== verbinder.id) {
        return handoff.claimedById
          ? only('staff.claimedByOther', { by: { text: handoff.claimedByName ?? '' } })
          : only('staff.claimFirst');
      }
      const contact = (await store.handoffs.forNotice(handoff.id))?.contact;
      if (!contact || contact.status !== 'active') return only('staff.residentUnreachable');
      const id = await store.relay.insert({
        handoffId: handoff.id,
        direction: 'out',
        authorId: verbinder.id,
        text: 'text' in message ? message.text : null,
        mediaKind: null,
        savedReply: 'saved' in message ? message.saved : null,
        at: now,
      });
      const chat = chatOf(contact.channel, contact.externalId);
      await store.outbox.enqueue(chat, [relayEntry(relayToResidentKind, id)], null, now);
      return { reply: { key: 'staff.replySent', params: { ...num, name } }, chats: [chat] };
    });
    await this.deps.send(result.chats);
    return result;
  }

  private async change(
    store: Store,
    action: HandoffAction,
    number: number,
    verbinder: { id: string; name: string },
    now: Date,
  ): Promise<HandoffActionResult> {
    const handoff = await store.handoffs.byNumber(number);
    const num = { number: { text: String(number) } };
    const only = (key: string, params: BotMessage['params'] = {}) => ({
      reply: { key, params: { ...num, ...params } },
      chats: [],
    });
    if (!handoff) return only('staff.unknownHandoff');
    if (handoff.status === 'closed') return only('staff.alreadyClosed');
    const name = handoff.firstName ? { text: handoff.firstName } : { key: 'staff.noName' };
    const tell = async (event: 'claimed' | 'closed') => {
      const chat = await this.deps.notices.write(store, { handoffId: handoff.id, event }, now);
      return chat ? [chat] : [];
    };
    if (action === 'claim') {
      if (handoff.claimedById && handoff.claimedById !== verbinder.id) {
        return only('staff.claimedByOther', { by: { text: handoff.claimedByName ?? '' } });
      }
      const claimed = await store.handoffs.claim(handoff.id, verbinder.id, now);
      return {
        reply: { key: 'staff.claimed', params: { ...num, name } },
        chats: claimed ? await tell('claimed') : [],
      };
    }
    if (!(await store.handoffs.close(handoff, verbinder.id, now))) {
      return only('staff.alreadyClosed');
    }
    return {
      reply: { key: 'staff.closedDone', params: { ...num, name } },
      chats: await tell('closed'),
    };
  }
}
