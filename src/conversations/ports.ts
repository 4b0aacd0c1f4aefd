/**
 * What the conversation service needs from the outside world. Adapters implement these;
 * the service never imports an adapter.
 */
import { BloeiError } from '../errors/bloei-error.js';
import type { BotMessage } from '../flows/events.js';
import type { Lexicon } from '../flows/lexicon.js';
import type { ConversationState, AnswerValue } from '../flows/state.js';
import type { ChoiceSets } from '../flows/step-view.js';
import type { InboundMessage, OutboundChoice, OutboundMessage } from './messages.js';

export interface StoredConversation {
  id: string;
  identityKey: string;
  contactId: string | null;
  state: ConversationState;
  version: number;
  pendingReplies: PendingReplies | null;
}

/**
 * What the last turn still has to send, kept with the conversation in the turn's transaction
 * and cleared once sent: a process that dies in between leaves it for the redelivered update,
 * which sends it instead of finding the message "already processed" and staying silent.
 * Only the text goes in here; who it is for comes from the redelivered message.
 */
export interface PendingReplies {
  /** The inbound delivery these replies answer. */
  delivery: string;
  replies: RenderedMessage[];
  /** Hand-offs of the turn whose alerts are still to be raised (their job ids are stable). */
  handoffs: string[];
}

export interface ContactSnapshot {
  id: string;
  status: string;
  language: string;
  wijk: string | null;
  firstName: string | null;
}

/** What "my data" shows a resident: everything stored about them. */
export interface ContactRecord {
  firstName: string | null;
  language: string;
  wijk: string | null;
  channels: string[];
  consents: { purpose: string; textVersion: number; at: Date }[];
  answers: { flow: string; name: string; value: AnswerValue; at: Date }[];
  handoffs: { number: number; reason: string; status: string; at: Date }[];
  signUps: { kind: string; category: string; status: string }[];
  enrolments: { cohort: string; training: string }[];
}

/** One database transaction; every method runs inside it. */
export interface StoreTx {
  /** Records an inbound id; false when it was already processed. */
  markProcessed(channel: string, messageId: string): Promise<boolean>;
  /** Loads the conversation and holds it for this transaction: other writers wait. */
  loadConversation(identityKey: string): Promise<StoredConversation | null>;
  /**
   * Inserts (expectedVersion null) or updates the conversation; throws
   * VersionConflictError when another process changed it in between.
   */
  saveConversation(
    conversation: Omit<StoredConversation, 'id' | 'version'>,
    expectedVersion: number | null,
  ): Promise<void>;
  deleteConversation(identityKey: string): Promise<void>;
  /** What is left to send after one more pending reply went out (null: nothing). */
  setPendingReplies(identityKey: string, pending: PendingReplies | null): Promise<void>;
  loadContact(contactId: string): Promise<ContactSnapshot | null>;
  createContact(input: {
    channel: string;
    externalId: string;
    language: string;
    firstName: string | null;
    at: Date;
  }): Promise<string>;
  /** The resident wrote: active again, last seen `at`. */
  markInbound(contactId: string, at: Date): Promise<void>;
  updateContact(
    contactId: string,
    fields: Partial<{
      language: string;
      wijk: string;
      firstName: string;
      status: string;
      lastInboundAt: Date;
    }>,
  ): Promise<void>;
  /**
   * Forgets a contact who declined consent or said STOP before it. A contact WIJeindhoven
   * registered itself (a former trainee) is opted out instead: their enrolment stays.
   */
  forgetContact(contactId: string, at: Date): Promise<void>;
  /** The contact for a channel identity, when there is one (e.g. an imported trainee). */
  findContactByIdentity(channel: string, externalId: string): Promise<ContactSnapshot | null>;
  /** STOP, opt-out or a blocked bot: cancel every follow-up and invitation still pending. */
  cancelPending(contactId: string, at: Date): Promise<void>;
  /**
   * Erases everything about a contact (answers, profiles, sign-ups, hand-offs, follow-ups,
   * identities, conversations), keeping only anonymous counts for the indicators.
   */
  eraseContact(contactId: string, at: Date): Promise<void>;
  /** Everything Bloei keeps about a contact, for "my data". */
  describeContact(contactId: string): Promise<ContactRecord | null>;
  /** The follow-up conversation was finished: store its coded answers. */
  completeFollowUp(
    contactId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  /** The platform refuses delivery (the resident blocked the bot): send nothing more. */
  markUnreachable(channel: string, externalId: string): Promise<void>;
  recordConsent(
    contactId: string,
    consent: { purpose: string; textVersion: number; granted: boolean; at: Date },
  ): Promise<void>;
  saveAnswer(
    contactId: string,
    answer: {
      runId: string;
      flowId: string;
      flowVersion: number;
      stepId: string;
      name: string;
      value: AnswerValue;
      indicator: string | null;
      at: Date;
    },
  ): Promise<void>;
  saveSignUp(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  /** Choice sets kept as data (the wijken), for questions that offer them. */
  loadChoiceSets(): Promise<ChoiceSets>;
  /** Whether a verbinder is handling this contact (an open hand-off other than a safety one). */
  hasOpenHandoff(contactId: string): Promise<boolean>;
  saveTalentProfile(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  createHandoff(
    contactId: string,
    handoff: {
      reason: string;
      urgency: string;
      wijk: string | null;
      summary: { flow: string | null; answers: Record<string, AnswerValue> };
      at: Date;
    },
  ): Promise<string>;
}

export interface ConversationStore {
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
}

/** Raised by a store when a conversation row changed under us (another process). */
export class VersionConflictError extends BloeiError {
  override readonly name = 'VersionConflictError';
  readonly code = 'CONVERSATION_VERSION_CONFLICT';
  constructor(readonly identityKey: string) {
    super(`conversation changed concurrently`);
  }
}

export interface RenderedMessage {
  text: string;
  choices: OutboundChoice[];
  ref?: string;
}

/** Translations: the engine's lexicon plus rendering of its messages. */
export interface Translator extends Lexicon {
  readonly languages: readonly string[];
  render(message: BotMessage, language: string): RenderedMessage;
}

/**
 * Thrown by a channel's send when the platform says the person can no longer be reached
 * (Telegram's 403 "bot was blocked by the user"). The contact is then marked as opted out.
 */
export class RecipientUnreachableError extends BloeiError {
  override readonly name = 'RecipientUnreachableError';
  readonly code = 'RECIPIENT_UNREACHABLE';
}

/** Delivers a message on its channel. */
export interface Outbound {
  send(message: OutboundMessage): Promise<void>;
}

/** Tells verbinders about a new hand-off, after the transaction that created it. */
export interface HandoffNotifier {
  raised(handoffId: string): Promise<void>;
}

/**
 * Messages from staff: a verbinder linking their chat with a one-time code, or claiming and
 * closing hand-offs. Returns null when the message is a resident's business.
 */
export interface StaffDesk {
  handle(inbound: InboundMessage, now: Date): Promise<OutboundMessage[] | null>;
}

/** Structured logging; callers never pass message bodies, names or phone numbers. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
