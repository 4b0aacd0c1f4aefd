/**
 * The inbound sequence: one resident at a time (an in-process lane, and the conversation's
 * version for other processes), one read, the engine run, one write that keeps the turn and
 * its replies together (ordinary turns; others run as a transaction), and only then the
 * replies sent from the outbox with nothing held. A redelivery of a message already handled
 * is recognised by its id and only sends what the outbox still holds for the chat: every
 * message is answered, and answered once.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  FlowRuntimeError,
  runEngine,
  type EngineContext,
  type EngineInput,
  type FlowRegistry,
} from '../flows/engine.js';
import type { KaartLookup } from '../flows/kaart-lookup.js';
import { initialState, type ConversationState } from '../flows/state.js';
import type { EngineEvent } from '../flows/events.js';
import { applyEvents } from './apply-events.js';
import { chatOf } from './identity-key.js';
import { FloodControl, type FloodSettings } from './flood-control.js';
import { KeyedLane } from './keyed-lane.js';
import type { InboundContent, InboundMessage, OutboundMessage } from './messages.js';
import { messageEntry } from './outbox-kinds.js';
import type { ChatAddress, OutboxLease, OutboxStore } from './outbox-ports.js';
import type { OutboxSender } from './outbox-sender.js';
import { planOrdinaryTurn } from './plan-turn.js';
import {
  DuplicateDeliveryError,
  VersionConflictError,
  type ConversationStore,
  type HandoffOpener,
  type Logger,
  type ResidentRelay,
  type StaffDesk,
  type StoreTx,
  type Translator,
  type TurnSnapshot,
} from './ports.js';

export interface InboundHandlerDeps {
  store: ConversationStore;
  outbox: OutboxStore;
  sender: OutboxSender;
  translator: Translator;
  flows: FlowRegistry;
  logger: Logger;
  handoffs?: HandoffOpener;
  relay?: ResidentRelay;
  staff?: StaffDesk;
  /** Per-resident message budget; false switches it off (the scripted simulator). */
  flood?: FloodSettings | false;
  clock?: () => Date;
  newId?: () => string;
  defaultLanguage?: string;
  /** The sociale kaart in memory: the engine looks offers up in it, for this resident's wijk. */
  kaart?: { forResident(wijk: string | null): KaartLookup };
}

/** The recorded delivery of something Bloei sends itself at most once (see startFlow). */
function onceDelivery(once: string): string {
  return createHash('sha256').update(`once:${once}`).digest('hex');
}

/** What a turn works on: a resident's message, or a flow Bloei starts itself. */
interface TurnSource {
  chat: ChatAddress;
  input: EngineInput;
  inbound: InboundMessage | null;
  /** The inbound message's id as recorded (a hash); null for a flow Bloei starts. */
  delivery: string | null;
}

/** What a committed turn left to send. */
interface Committed {
  replies: OutboundMessage[];
  lease: OutboxLease | null;
  /** Other chats that got messages (alerts to verbinders). */
  chats: ChatAddress[];
}

/**
 * Attempts when another process changed the same conversation at the same moment. Each lost
 * attempt means another turn was saved, so this only bounds how many of them one turn waits
 * out: a resident whose messages two processes handle at once.
 */
const maxAttempts = 20;

export class InboundHandler {
  private readonly lane = new KeyedLane();
  private readonly flood: FloodControl | null;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: InboundHandlerDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.flood = deps.flood === false ? null : new FloodControl(deps.flood);
  }

  /**
   * Handles one message and returns the replies of its turn (for a redelivery: what was
   * still owed and sent now). They are sent before this resolves, when this process holds
   * the channel and nobody else is sending to the chat.
   */
  handle(inbound: InboundMessage): Promise<OutboundMessage[]> {
    const chat = chatOf(inbound.channel, inbound.userId);
    // A flood is counted as messages arrive, not as their turns finish (a busy server would
    // hide it). Late messages get one note between them, not a reply each: no reason to slow
    // them. The turns still go one at a time, in the order the messages came.
    const admitted =
      inbound.late || !this.flood
        ? undefined
        : this.flood.admit(chat.key, () => this.slowDown(chat, inbound));
    admitted?.catch(() => undefined);
    return this.lane.run(chat.key, async () => {
      await admitted;
      const input = toEngineInput(inbound);
      const delivery = createHash('sha256')
        .update(`${chat.key}:${inbound.messageId}`)
        .digest('hex');
      return (await this.process({ chat, input, inbound, delivery })) ?? [];
    });
  }

  /**
   * Starts a flow for a consented resident on Bloei's own initiative (a check-in invitation,
   * a follow-up). Returns null when there is nobody to start it for: no consent, stopped or
   * unreachable. With `once`, a key of what is being sent (a scheduled message's id), the
   * flow starts at most once for that key: a worker that takes over from one that died
   * mid-way gets what is still owed, not a second start.
   */
  startFlow(
    channel: string,
    userId: string,
    flow: string,
    options: { notice?: string; once?: string } = {},
  ): Promise<OutboundMessage[] | null> {
    const chat = chatOf(channel, userId);
    const { notice, once } = options;
    const input: EngineInput = { type: 'start', flow, ...(notice ? { notice } : {}) };
    return this.lane.run(chat.key, () =>
      this.process({ chat, input, inbound: null, delivery: once ? onceDelivery(once) : null }),
    );
  }

  /**
   * Sends a text as it is (a coordinator's campaign message, written per language) to a
   * consented resident who did not say STOP, through the outbox, at most once like every
   * message Bloei starts itself. Null when there is nobody to send it to. With `once`, the
   * text is written at most once for that key (recorded in the same transaction): a second
   * call sends what is still owed and writes nothing.
   */
  notify(
    channel: string,
    userId: string,
    text: string,
    options: { once?: string } = {},
  ): Promise<OutboundMessage[] | null> {
    const chat = chatOf(channel, userId);
    const delivery = options.once ? onceDelivery(options.once) : null;
    return this.lane.run(chat.key, async () => {
      const snapshot = await this.read(chat, delivery);
      if (snapshot.processed) return this.deps.sender.flush(chat.key);
      if (snapshot.contact?.status !== 'active') return null;
      const message: OutboundMessage = { ...chatTo(chat), text, choices: [] };
      const entries = [{ ...messageEntry(message), once: true }];
      const token = this.deps.sender.newToken();
      const now = this.clock();
      const written = delivery
        ? await this.deps.store.transaction(async (tx) =>
            (await tx.markProcessed(chat.channel, delivery, now))
              ? { lease: await tx.enqueue(chat, entries, token, now) }
              : null,
          )
        : { lease: await this.deps.outbox.enqueue(chat, entries, token, now) };
      if (!written) return this.deps.sender.flush(chat.key);
      if (written.lease) await this.deps.sender.send(written.lease);
      else await this.deps.sender.resume(chat.key);
      return [message];
    });
  }

  /** The one friendly note a flooding resident gets, in the language they chat in. */
  private async slowDown(chat: ChatAddress, inbound: InboundMessage): Promise<void> {
    const snapshot = await this.read(chat, null);
    const language = snapshot.conversation?.state.language ?? this.firstLanguage(inbound);
    const note = this.deps.translator.render({ key: 'system.slowDown', params: {} }, language);
    await this.enqueueAndSend(chat, [{ ...chatTo(chat), ...note }]);
  }

  private read(chat: ChatAddress, delivery: string | null): Promise<TurnSnapshot> {
    return this.deps.store.read({
      channel: chat.channel,
      userId: chat.address,
      identityKey: chat.key,
      delivery,
    });
  }

  private async process(source: TurnSource): Promise<OutboundMessage[] | null> {
    const { chat, inbound, delivery } = source;
    const trace = { conversation: chat.key.slice(0, 12), channel: chat.channel };
    for (let attempt = 1; ; attempt++) {
      const snapshot = await this.read(chat, delivery);
      if (inbound && this.deps.staff) {
        const replies = await this.deps.staff.handle(inbound, this.clock(), snapshot.staff);
        if (replies) {
          await this.enqueueAndSend(chat, replies);
          return replies;
        }
      }
      if (snapshot.processed) return this.duplicate(chat, trace);
      if (!inbound && snapshot.contact?.status !== 'active') return null;
      let committed: Committed;
      const lease = this.deps.sender.newToken();
      try {
        committed = await this.turn(source, snapshot, lease);
      } catch (error) {
        if (error instanceof DuplicateDeliveryError) return this.duplicate(chat, trace);
        if (!(error instanceof VersionConflictError)) {
          // The write may have committed before the connection broke: let go of its lease,
          // so the redelivery sends the replies at once instead of after the lease ran out.
          await this.deps.outbox.release(chat.key, lease).catch(() => undefined);
          throw error;
        }
        if (attempt >= maxAttempts) throw error;
        this.deps.logger.warn({ ...trace, attempt }, 'conversation changed concurrently, retrying');
        // Another process wrote this conversation meanwhile (so it made progress): step aside
        // a little, at random, so two busy processes do not keep colliding.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        continue;
      }
      const { sender } = this.deps;
      if (committed.lease) await sender.send(committed.lease);
      else if (committed.replies.length > 0) await sender.flush(chat.key);
      await sender.kick(committed.chats);
      this.deps.logger.info({ ...trace, replies: committed.replies.length }, 'turn handled');
      return committed.replies;
    }
  }

  /** A message handled before: send what its turn (or a later one) still owes the chat. */
  private async duplicate(chat: ChatAddress, trace: object): Promise<OutboundMessage[]> {
    this.deps.logger.info(trace, 'duplicate delivery');
    const sent = await this.deps.sender.flush(chat.key);
    if (sent.length > 0)
      this.deps.logger.info(trace, 'replies an earlier attempt did not send, sent');
    return sent;
  }

  /** Runs the engine and commits the turn: one write when ordinary, a transaction if not. */
  private async turn(
    source: TurnSource,
    snapshot: TurnSnapshot,
    lease: string,
  ): Promise<Committed> {
    const { chat, inbound, delivery } = source;
    const { contact } = snapshot;
    const now = this.clock();
    const state =
      snapshot.conversation?.state ??
      initialState(contact?.language ?? this.firstLanguage(inbound));
    const ctx: EngineContext = {
      flows: this.deps.flows,
      lexicon: this.deps.translator,
      now,
      newId: this.newId,
      choiceSets: await this.deps.store.choiceSets(),
      handoffOpen: snapshot.handoffOpen,
      kaart: this.deps.kaart?.forResident(contact?.wijk ?? null),
      relay: snapshot.relay,
      verbinderAvailable: snapshot.verbinderAvailable,
    };
    const result = this.run(ctx, state, source.input);
    const to = { ...chatTo(chat), displayName: inbound?.displayName ?? null };
    const planned = planOrdinaryTurn(
      {
        translator: this.deps.translator,
        to,
        contact,
        language: state.language,
        inbound: !!inbound,
        newId: randomUUID,
      },
      result.events,
    );
    if (!planned) {
      return this.deps.store.transaction((tx) =>
        this.applyInTransaction(
          tx,
          source,
          snapshot,
          { ...result, language: state.language },
          now,
          lease,
        ),
      );
    }
    const entries = planned.outbound.map((m) => this.entry(m, source));
    const written = await this.deps.store.write({
      identityKey: chat.key,
      contactId: snapshot.conversation?.contactId ?? planned.contactId,
      state: result.state,
      expectedVersion: snapshot.conversation?.version ?? null,
      at: now,
      delivery: delivery ? { channel: chat.channel, messageId: delivery } : null,
      contact: planned.contact,
      newContact: planned.newContact,
      consents: planned.contactId ? planned.consents : [],
      answers: planned.answers,
      outbox: entries.length > 0 ? { chat, entries, lease } : null,
    });
    return { replies: planned.outbound, lease: written, chats: [] };
  }

  private async applyInTransaction(
    tx: StoreTx,
    source: TurnSource,
    snapshot: TurnSnapshot,
    result: { state: ConversationState; events: EngineEvent[]; language: string },
    now: Date,
    lease: string,
  ): Promise<Committed> {
    const { chat, inbound, delivery } = source;
    if (delivery && !(await tx.markProcessed(chat.channel, delivery, now))) {
      throw new DuplicateDeliveryError(chat.key);
    }
    const stored = await tx.loadConversation(chat.key);
    if ((stored?.version ?? null) !== (snapshot.conversation?.version ?? null)) {
      throw new VersionConflictError(chat.key);
    }
    const { contact } = snapshot;
    if (inbound && contact) await tx.markInbound(contact.id, now);
    const applied = await applyEvents(
      {
        tx,
        translator: this.deps.translator,
        flows: this.deps.flows,
        choiceSets: await this.deps.store.choiceSets(),
        handoffs: this.deps.handoffs,
        relay: this.deps.relay,
        to: {
          ...chatTo(chat),
          displayName: inbound?.displayName ?? null,
          username: inbound?.username ?? null,
        },
        now,
        contact,
        language: result.language,
      },
      result.events,
    );
    if (applied.forgotten) {
      if (stored) await tx.deleteConversation(chat.key);
    } else {
      await tx.saveConversation(
        { identityKey: chat.key, contactId: applied.contactId, state: result.state },
        stored?.version ?? null,
        now,
      );
    }
    const written = await tx.enqueue(
      chat,
      applied.outbound.map((m) => this.entry(m, source)),
      lease,
      now,
      { forget: applied.forgotten },
    );
    return { replies: applied.outbound, lease: written, chats: applied.chats };
  }

  /**
   * A reply as an outbox message. A resident's message is delivered again until answered, so
   * its replies may go out twice after a crash mid-send; a flow Bloei starts itself is never
   * repeated by anyone, so its messages go out at most once (see FollowUpDelivery).
   */
  private entry(message: OutboundMessage, source: TurnSource) {
    return { ...messageEntry(message), ...(source.inbound ? {} : { once: true }) };
  }

  /** Staff replies and notes go out through the outbox like any other message of the chat. */
  private async enqueueAndSend(
    chat: ChatAddress,
    messages: OutboundMessage[],
    options: { once?: boolean } = {},
  ): Promise<void> {
    const lease = await this.deps.outbox.enqueue(
      chat,
      messages.map((m) => ({ ...messageEntry(m), ...(options.once ? { once: true } : {}) })),
      this.deps.sender.newToken(),
      this.clock(),
    );
    if (lease) await this.deps.sender.send(lease);
    else if (messages.length > 0) await this.deps.sender.resume(chat.key);
  }

  /** Runs the engine; a conversation stuck on a step that no longer exists starts afresh. */
  private run(ctx: EngineContext, state: ConversationState, input: EngineInput) {
    try {
      return runEngine(ctx, state, input);
    } catch (error) {
      if (!(error instanceof FlowRuntimeError)) throw error;
      this.deps.logger.error({ code: error.code, err: error.message }, 'flow state reset');
      return runEngine(ctx, { ...state, run: null, stack: [], paused: [] }, input);
    }
  }

  private firstLanguage(inbound: InboundMessage | null): string {
    const hint = inbound?.languageHint?.toLowerCase().split(/[-_]/)[0];
    const { languages } = this.deps.translator;
    return hint && languages.includes(hint) ? hint : (this.deps.defaultLanguage ?? 'nl');
  }
}

const chatTo = (chat: ChatAddress) => ({ channel: chat.channel, userId: chat.address });

function toEngineInput(inbound: InboundMessage): EngineInput {
  const input = residentInput(inbound.content);
  if (!inbound.late) return input;
  return { type: 'late', sentAt: (inbound.sentAt ?? inbound.receivedAt).toISOString(), input };
}

function residentInput(content: InboundContent): Exclude<EngineInput, { type: 'start' | 'late' }> {
  switch (content.type) {
    case 'text':
      return { type: 'text', text: content.text };
    case 'choice':
      return { type: 'choice', id: content.id, ...(content.ref ? { ref: content.ref } : {}) };
    case 'media':
      return { type: 'media', kind: content.kind, ...(content.ref ? { ref: content.ref } : {}) };
  }
}
