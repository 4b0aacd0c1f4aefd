/**
 * The two outbox kinds of a relay. To a verbinder: "#12 Samira: …"; a voice note, photo or
 * file goes as it is, captioned "#12 Samira:" and fetched from the resident's channel only
 * when it is sent (anything else, or media without a handle, as a note that one came). To a
 * resident: the verbinder's words with their first name, a saved reply in the resident's
 * language. Both are rendered when sent from the kept message, so an erased one is never sent; what became
 * of each is recorded with it, and a verbinder whose answer could not be delivered is told.
 */
import type { BotMessage } from '../flows/events.js';
import { chatOf } from '../conversations/identity-key.js';
import { messageEntry, type OutboxKind } from '../conversations/outbox-kinds.js';
import type { ChatAddress, OutboxEntry } from '../conversations/outbox-ports.js';
import type { RenderedMessage, Translator } from '../conversations/ports.js';
import type { RelayForSending } from '../store/relay-repository.js';
import type { Store } from '../store/store.js';
import { handoffRef } from './handoff-alerts.js';
import { savedReplyKey } from './saved-replies.js';

export const relayToStaffKind = 'relay-to-staff';
export const relayToResidentKind = 'relay-to-resident';

/** What a relay message in the outbox carries: the kept message's id only. */
export interface RelayBody {
  relayId: string;
}

/** The outbox message of a kept relay message. */
export function relayEntry(kind: string, relayId: string): OutboxEntry {
  const body: RelayBody = { relayId };
  return { kind, body, subject: `relay:${relayId}` };
}

/** The first name residents know a verbinder by: "Sam" of "Sam (demo)". */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? name;

const mediaKinds = new Set(['voice', 'audio', 'photo', 'video', 'document']);

interface RelayKindDeps {
  store: Store;
  translator: Translator;
  /** Sends what waits in these chats now (the outbox sender's kick). */
  send: (chats: readonly ChatAddress[]) => Promise<void>;
  clock?: () => Date;
}

abstract class RelayKind implements OutboxKind {
  constructor(protected readonly deps: RelayKindDeps) {}

  abstract render(body: unknown): Promise<RenderedMessage | null>;

  protected find(body: unknown): Promise<RelayForSending | null> {
    return this.deps.store.relay.forSending((body as RelayBody).relayId);
  }

  async sent(body: unknown, _chat: ChatAddress, at: Date): Promise<void> {
    await this.deps.store.relay.markDone((body as RelayBody).relayId, 'sent', at);
  }

  async undelivered(body: unknown, _chat: ChatAddress, outcome: string, at: Date) {
    await this.deps.store.relay.markDone((body as RelayBody).relayId, outcome, at);
  }
}

/** A resident's message, to the verbinder who claimed the hand-off. */
export class RelayToStaff extends RelayKind {
  async render(body: unknown): Promise<RenderedMessage | null> {
    const m = await this.find(body);
    if (!m) return null;
    const number = { text: String(m.handoff.number) };
    const name = m.resident.firstName ? { text: m.resident.firstName } : { key: 'staff.noName' };
    const kind = m.mediaKind && mediaKinds.has(m.mediaKind) ? m.mediaKind : 'other';
    const forwarded = m.text === null && kind !== 'other' && m.mediaRef && m.mediaChannel;
    const message: BotMessage =
      m.text !== null
        ? { key: 'staff.relayed', params: { number, name, text: { text: m.text } } }
        : forwarded
          ? { key: 'staff.relayedMediaCaption', params: { number, name } }
          : { key: `staff.relayedMedia.${kind}`, params: { number, name } };
    const language = m.claimer?.language ?? 'nl';
    const rendered = this.deps.translator.render(message, language);
    return {
      ...rendered,
      ref: handoffRef(m.handoff.number),
      ...(forwarded ? { media: { kind, from: m.mediaChannel!, ref: m.mediaRef! } } : {}),
    };
  }
}

/** A verbinder's answer, to the resident, with the verbinder's first name. */
export class RelayToResident extends RelayKind {
  async render(body: unknown): Promise<RenderedMessage | null> {
    const m = await this.find(body);
    if (!m || m.resident.status !== 'active') return null;
    const { language } = m.resident;
    const text = m.savedReply
      ? this.deps.translator.render({ key: savedReplyKey(m.savedReply), params: {} }, language).text
      : (m.text ?? '');
    const name = m.author ? { text: firstNameOf(m.author.name) } : { key: 'relay.someone' };
    return this.deps.translator.render(
      { key: 'relay.fromVerbinder', params: { name, text: { text } } },
      language,
    );
  }

  /** Recorded, and the verbinder who wrote it is told in their own chat. */
  override async undelivered(body: unknown, chat: ChatAddress, outcome: string, at: Date) {
    await super.undelivered(body, chat, outcome, at);
    const m = await this.find(body);
    const author = m?.author;
    if (!m || !author?.channel || !author.externalId) return;
    const name = m.resident.firstName ? { text: m.resident.firstName } : { key: 'staff.noName' };
    const note = this.deps.translator.render(
      {
        key: 'staff.replyNotDelivered',
        params: { number: { text: String(m.handoff.number) }, name },
      },
      author.language,
    );
    const to = chatOf(author.channel, author.externalId);
    await this.deps.store.outbox.enqueue(to, [messageEntry(note)], null, at);
    await this.deps.send([to]);
  }
}
