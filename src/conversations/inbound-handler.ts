/**
 * The inbound sequence: one resident at a time (in-process lane, plus the conversation's
 * lock and version for other processes), duplicates ignored, the engine run, its events
 * applied in one transaction that also keeps the replies as pending, and only then the
 * replies sent and cleared. A redelivery of a message whose replies were never sent (the
 * process died in between) sends them: every message is answered, and answered once.
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
import { applyEvents } from './apply-events.js';
import { identityKey } from './identity-key.js';
import { FloodControl, type FloodSettings } from './flood-control.js';
import { KeyedLane } from './keyed-lane.js';
import type { InboundContent, InboundMessage, OutboundMessage } from './messages.js';
import {
  RecipientUnreachableError,
  VersionConflictError,
  type ConversationStore,
  type HandoffNotifier,
  type Logger,
  type PendingReplies,
  type RenderedMessage,
  type StaffDesk,
  type Outbound,
  type StoreTx,
  type Translator,
} from './ports.js';

export interface InboundHandlerDeps {
  store: ConversationStore;
  translator: Translator;
  flows: FlowRegistry;
  outbound: Outbound;
  logger: Logger;
  handoffs?: HandoffNotifier;
  staff?: StaffDesk;
  /** Per-resident message budget; false switches it off (the scripted simulator). */
  flood?: FloodSettings | false;
  clock?: () => Date;
  newId?: () => string;
  defaultLanguage?: string;
  /** The sociale kaart in memory: the engine looks offers up in it, for this resident's wijk. */
  kaart?: { forResident(wijk: string | null): KaartLookup };
}

/** What a turn works on: a resident's message, or a flow Bloei starts itself. */
interface TurnSource {
  channel: string;
  userId: string;
  input: EngineInput;
  inbound: InboundMessage | null;
}

/** What one turn produced: replies to send, hand-offs to announce. */
interface Turn {
  replies: OutboundMessage[];
  handoffs: string[];
  /** The replies wait in the conversation as pending, to be sent under its lock. */
  pending: boolean;
  /** A message processed before: only what an earlier attempt left pending is sent. */
  duplicate: boolean;
}

interface Sent {
  replies: OutboundMessage[];
  handoffs: string[];
}

/** Attempts when another process changed the same conversation at the same moment. */
const maxAttempts = 5;

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

  /** Handles one message and returns what was sent back (empty for a duplicate). */
  handle(inbound: InboundMessage): Promise<OutboundMessage[]> {
    const key = identityKey(inbound.channel, inbound.userId);
    return this.lane.run(key, async () => {
      // Late messages get one note between them, not a reply each: no reason to slow them.
      if (!inbound.late) await this.flood?.admit(key, () => this.slowDown(key, inbound));
      const staffReplies = await this.deps.staff?.handle(inbound, this.clock());
      if (staffReplies) {
        await this.deliver(staffReplies, this.trace(key, inbound.channel));
        return staffReplies;
      }
      const input = toEngineInput(inbound);
      const replies = await this.process(key, { ...inbound, input, inbound });
      return replies ?? [];
    });
  }

  /**
   * Starts a flow for a consented resident on Bloei's own initiative (a check-in invitation,
   * a follow-up). Returns null when there is nobody to start it for: no consent, stopped or
   * unreachable.
   */
  startFlow(
    channel: string,
    userId: string,
    flow: string,
    notice?: string,
  ): Promise<OutboundMessage[] | null> {
    const key = identityKey(channel, userId);
    const input: EngineInput = { type: 'start', flow, ...(notice ? { notice } : {}) };
    return this.lane.run(key, () => this.process(key, { channel, userId, input, inbound: null }));
  }

  /** The one friendly note a flooding resident gets, in the language they chat in. */
  private async slowDown(key: string, inbound: InboundMessage): Promise<void> {
    const conversation = await this.deps.store.transaction((tx) => tx.loadConversation(key));
    const language = conversation?.state.language ?? this.firstLanguage(inbound);
    const note = this.deps.translator.render({ key: 'system.slowDown', params: {} }, language);
    await this.deliver([{ channel: inbound.channel, userId: inbound.userId, ...note }], {
      conversation: key.slice(0, 12),
    });
  }

  private trace(key: string, channel: string) {
    return { conversation: key.slice(0, 12), channel };
  }

  private async process(key: string, source: TurnSource): Promise<OutboundMessage[] | null> {
    const trace = this.trace(key, source.channel);
    const delivery = source.inbound
      ? createHash('sha256').update(`${key}:${source.inbound.messageId}`).digest('hex')
      : null;
    let turn: Turn | null;
    for (let attempt = 1; ; attempt++) {
      try {
        turn = await this.deps.store.transaction((tx) => this.turn(tx, key, source, delivery));
        break;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
        this.deps.logger.warn({ ...trace, attempt }, 'conversation changed concurrently, retrying');
      }
    }
    if (!turn) return null;
    let sent: Sent = turn;
    if (turn.pending && delivery) {
      sent = await this.sendPending(key, delivery, source, trace);
      if (turn.duplicate && sent.replies.length > 0) {
        this.deps.logger.info(trace, 'replies an earlier attempt did not send, sent');
      }
    } else {
      await this.deliver(turn.replies, trace);
    }
    for (const id of sent.handoffs) await this.deps.handoffs?.raised(id);
    this.deps.logger.info({ ...trace, replies: sent.replies.length }, 'turn handled');
    return sent.replies;
  }

  /**
   * Sends what the turn of `delivery` left pending, one reply at a time, each while holding
   * the conversation's lock and crossed off in the same transaction: a redelivery of the
   * same message in another process waits until the reply in flight is out and goes on with
   * the rest (or finds nothing left), so replies are neither sent twice nor overtaken by
   * those of the resident's next message. Only a reply in flight when a process dies can
   * go out twice.
   */
  private async sendPending(
    key: string,
    delivery: string,
    to: { channel: string; userId: string },
    trace: object,
  ): Promise<Sent> {
    const sent: OutboundMessage[] = [];
    for (;;) {
      const step = await this.deps.store.transaction(async (tx) => {
        const pending = (await tx.loadConversation(key))?.pendingReplies;
        if (pending?.delivery !== delivery) return { done: true, handoffs: [] };
        const [next, ...rest] = pending.replies;
        const reply = next ? { ...to, ...next } : undefined;
        const reached = reply ? await this.deliver([reply], trace, tx) : true;
        if (reply) sent.push(reply);
        const done = !reached || rest.length === 0;
        await tx.setPendingReplies(key, done ? null : { ...pending, replies: rest });
        return { done, handoffs: done ? pending.handoffs : [] };
      });
      if (step.done) return { replies: sent, handoffs: step.handoffs };
    }
  }

  /**
   * Sends the replies in order; a resident who blocked the bot is marked and left alone.
   * Returns false then.
   */
  private async deliver(replies: OutboundMessage[], trace: object, tx?: StoreTx): Promise<boolean> {
    for (const reply of replies) {
      try {
        await this.deps.outbound.send(reply);
      } catch (error) {
        if (!(error instanceof RecipientUnreachableError)) throw error;
        this.deps.logger.warn(trace, 'recipient unreachable, contact marked as opted out');
        const mark = (t: StoreTx) => t.markUnreachable(reply.channel, reply.userId);
        await (tx ? mark(tx) : this.deps.store.transaction(mark));
        return false;
      }
    }
    return true;
  }

  /** One turn in one transaction; null when a flow was to start for nobody. */
  private async turn(
    tx: StoreTx,
    key: string,
    source: TurnSource,
    delivery: string | null,
  ): Promise<Turn | null> {
    const { inbound } = source;
    if (inbound && delivery && !(await tx.markProcessed(inbound.channel, delivery))) {
      this.deps.logger.info({ conversation: key.slice(0, 12) }, 'duplicate delivery');
      return { replies: [], handoffs: [], pending: true, duplicate: true };
    }
    const stored = await tx.loadConversation(key);
    const contact = stored?.contactId
      ? await tx.loadContact(stored.contactId)
      : await tx.findContactByIdentity(source.channel, source.userId);
    if (!inbound && contact?.status !== 'active') return null;
    const now = this.clock();
    if (inbound && contact) {
      await tx.markInbound(contact.id, now);
    }
    const state = stored?.state ?? initialState(contact?.language ?? this.firstLanguage(inbound));
    const ctx: EngineContext = {
      flows: this.deps.flows,
      lexicon: this.deps.translator,
      now,
      newId: this.newId,
      choiceSets: await tx.loadChoiceSets(),
      handoffOpen: contact ? await tx.hasOpenHandoff(contact.id) : false,
      kaart: this.deps.kaart?.forResident(contact?.wijk ?? null),
    };
    const result = this.run(ctx, state, source.input);
    const to = {
      channel: source.channel,
      userId: source.userId,
      displayName: inbound?.displayName ?? null,
    };
    const { translator } = this.deps;
    const applied = await applyEvents(
      { tx, translator, flows: this.deps.flows, to, now, contact, language: state.language },
      result.events,
    );
    if (applied.forgotten) {
      if (stored) await tx.deleteConversation(key);
      return { replies: applied.outbound, handoffs: [], pending: false, duplicate: false };
    }
    // Only a resident's message is redelivered, so only its replies are kept until sent;
    // a flow Bloei starts itself is sent at most once (see FollowUpDelivery).
    const owed = applied.outbound.length > 0 || applied.handoffs.length > 0;
    const pendingReplies: PendingReplies | null =
      delivery && owed
        ? { delivery, replies: applied.outbound.map(rendered), handoffs: applied.handoffs }
        : null;
    await tx.saveConversation(
      { identityKey: key, contactId: applied.contactId, state: result.state, pendingReplies },
      stored?.version ?? null,
    );
    return {
      replies: applied.outbound,
      handoffs: applied.handoffs,
      pending: pendingReplies !== null,
      duplicate: false,
    };
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

/** A reply without its recipient: what is kept while it waits to be sent. */
function rendered({ text, choices, ref }: OutboundMessage): RenderedMessage {
  return { text, choices, ...(ref ? { ref } : {}) };
}

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
      return { type: 'media', kind: content.kind };
  }
}
