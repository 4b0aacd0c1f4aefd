/**
 * The inbound sequence: one resident at a time (in-process lane, plus the conversation's
 * version for other processes), duplicates ignored, the engine run, its events applied in
 * one transaction, and only then the replies sent.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  FlowRuntimeError,
  runEngine,
  type EngineInput,
  type FlowRegistry,
} from '../flows/engine.js';
import { initialState, type ConversationState } from '../flows/state.js';
import { applyEvents } from './apply-events.js';
import { identityKey } from './identity-key.js';
import { KeyedLane } from './keyed-lane.js';
import type { InboundContent, InboundMessage, OutboundMessage } from './messages.js';
import {
  RecipientUnreachableError,
  VersionConflictError,
  type ConversationStore,
  type Logger,
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
  clock?: () => Date;
  newId?: () => string;
  defaultLanguage?: string;
}

/** Attempts when another process changed the same conversation at the same moment. */
const maxAttempts = 5;

export class InboundHandler {
  private readonly lane = new KeyedLane();
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: InboundHandlerDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** Handles one message and returns what was sent back (empty for a duplicate). */
  handle(inbound: InboundMessage): Promise<OutboundMessage[]> {
    const key = identityKey(inbound.channel, inbound.userId);
    return this.lane.run(key, () => this.process(key, inbound));
  }

  private async process(key: string, inbound: InboundMessage): Promise<OutboundMessage[]> {
    const trace = { conversation: key.slice(0, 12), channel: inbound.channel };
    let replies: OutboundMessage[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        replies = await this.deps.store.transaction((tx) => this.turn(tx, key, inbound));
        break;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
        this.deps.logger.warn({ ...trace, attempt }, 'conversation changed concurrently, retrying');
      }
    }
    await this.deliver(replies, trace);
    this.deps.logger.info({ ...trace, replies: replies.length }, 'inbound handled');
    return replies;
  }

  /** Sends the replies in order; a resident who blocked the bot is marked and left alone. */
  private async deliver(replies: OutboundMessage[], trace: object): Promise<void> {
    for (const reply of replies) {
      try {
        await this.deps.outbound.send(reply);
      } catch (error) {
        if (!(error instanceof RecipientUnreachableError)) throw error;
        this.deps.logger.warn(trace, 'recipient unreachable, contact marked as opted out');
        await this.deps.store.transaction((tx) => tx.markUnreachable(reply.channel, reply.userId));
        return;
      }
    }
  }

  private async turn(
    tx: StoreTx,
    key: string,
    inbound: InboundMessage,
  ): Promise<OutboundMessage[]> {
    const deliveryId = createHash('sha256').update(`${key}:${inbound.messageId}`).digest('hex');
    if (!(await tx.markProcessed(inbound.channel, deliveryId))) {
      this.deps.logger.info({ conversation: key.slice(0, 12) }, 'duplicate delivery ignored');
      return [];
    }
    const stored = await tx.loadConversation(key);
    const contact = stored?.contactId ? await tx.loadContact(stored.contactId) : null;
    const now = this.clock();
    if (contact) await tx.updateContact(contact.id, { status: 'active', lastInboundAt: now });
    const state = stored?.state ?? initialState(this.firstLanguage(inbound));
    const result = this.run(state, toEngineInput(inbound.content), now);
    const applied = await applyEvents(
      { tx, translator: this.deps.translator, inbound, now, contact, language: state.language },
      result.events,
    );
    if (applied.forgotten) {
      if (stored) await tx.deleteConversation(key);
      return applied.outbound;
    }
    await tx.saveConversation(
      { identityKey: key, contactId: applied.contactId, state: result.state },
      stored?.version ?? null,
    );
    return applied.outbound;
  }

  /** Runs the engine; a conversation stuck on a step that no longer exists starts afresh. */
  private run(state: ConversationState, input: EngineInput, now: Date) {
    const ctx = {
      flows: this.deps.flows,
      lexicon: this.deps.translator,
      now,
      newId: this.newId,
    };
    try {
      return runEngine(ctx, state, input);
    } catch (error) {
      if (!(error instanceof FlowRuntimeError)) throw error;
      this.deps.logger.error({ code: error.code, err: error.message }, 'flow state reset');
      return runEngine(ctx, { ...state, run: null, stack: [], paused: [] }, input);
    }
  }

  private firstLanguage(inbound: InboundMessage): string {
    const hint = inbound.languageHint?.toLowerCase().split(/[-_]/)[0];
    const { languages } = this.deps.translator;
    return hint && languages.includes(hint) ? hint : (this.deps.defaultLanguage ?? 'nl');
  }
}

function toEngineInput(content: InboundContent): EngineInput {
  switch (content.type) {
    case 'text':
      return { type: 'text', text: content.text };
    case 'choice':
      return { type: 'choice', id: content.id, ...(content.ref ? { ref: content.ref } : {}) };
    case 'media':
      return { type: 'media' };
  }
}
