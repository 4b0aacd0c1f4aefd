/**
 * What the conversation service needs from the outside world. Adapters implement these;
 * the service never imports an adapter.
 */
import { BloeiError } from '../errors/bloei-error.js';
import type { BotMessage } from '../flows/events.js';
import type { Lexicon } from '../flows/lexicon.js';
import type { ConversationState, AnswerValue } from '../flows/state.js';
import type { ChoiceSets } from '../flows/step-view.js';
import type { InboundMessage, OutboundChoice, OutboundMedia, OutboundMessage } from './messages.js';
import type { ChatAddress, EnqueueOptions, OutboxEntry, OutboxLease } from './outbox-ports.js';

export type * from './outbox-ports.js';

export interface StoredConversation {
  identityKey: string;
  contactId: string | null;
  state: ConversationState;
  version: number;
}

export interface ContactSnapshot {
  id: string;
  status: string;
  language: string;
  wijk: string | null;
  firstName: string | null;
}

/** A linked member of staff writing from their own chat. */
export interface StaffIdentity {
  id: string;
  name: string;
  language: string;
}

/**
 * What the one read of a message tells: whether it was handled before, the conversation,
 * the contact, whether a verbinder is handling them, and whether the sender is staff.
 */
export interface TurnSnapshot {
  processed: boolean;
  conversation: StoredConversation | null;
  contact: ContactSnapshot | null;
  /** An open hand-off other than a safety one: no questionnaire starts meanwhile. */
  handoffOpen: boolean;
  /** A verbinder claimed their hand-off: what the resident writes is relayed to them. */
  relay: boolean;
  /**
   * Someone linked can receive a hand-off for this resident: a verbinder of their stored
   * wijk or a coordinator (the same pool as choose-owner.ts).
   */
  verbinderAvailable: boolean;
  staff: StaffIdentity | null;
}

export interface AnswerRow {
  runId: string;
  flowId: string;
  flowVersion: number;
  stepId: string;
  name: string;
  value: AnswerValue;
  indicator: string | null;
}

/** A contact created by the turn in which the resident consents. */
export interface NewContact {
  id: string;
  channel: string;
  externalId: string;
  language: string;
  firstName: string | null;
  wijk: string | null;
}

/**
 * Everything an ordinary turn writes, as one statement: the inbound id (so a redelivery is
 * recognised), the conversation (guarded by its version), the contact (created when the
 * resident consents in this turn), its last message and fields, consents, the answers, and
 * the replies into the chat's outbox, leased to `lease` when free.
 */
export interface TurnWrite {
  identityKey: string;
  contactId: string | null;
  state: ConversationState;
  /** The version read; null when the conversation is new. */
  expectedVersion: number | null;
  at: Date;
  delivery: { channel: string; messageId: string } | null;
  contact: { inbound: boolean; language?: string; wijk?: string; firstName?: string } | null;
  /** The contact this turn creates (its id is `contactId`). */
  newContact: NewContact | null;
  consents: { purpose: string; textVersion: number }[];
  answers: AnswerRow[];
  outbox: { chat: ChatAddress; entries: OutboxEntry[]; lease: string } | null;
}

/** What "my data" shows a resident: everything stored about them. */
export interface ContactRecord {
  firstName: string | null;
  language: string;
  wijk: string | null;
  /** When the resident likes to be messaged; null when they never said. */
  preferredTime: string | null;
  channels: string[];
  consents: { purpose: string; textVersion: number; at: Date }[];
  answers: { flow: string; name: string; value: AnswerValue; at: Date }[];
  handoffs: { number: number; reason: string; status: string; at: Date }[];
  /** What verbinders wrote down about the resident's hand-offs. */
  notes: { handoff: number; text: string; at: Date }[];
  /** The messages relayed between the resident and a verbinder. */
  relayed: { handoff: number; direction: string; text: string | null; at: Date }[];
  signUps: { kind: string; category: string; status: string }[];
  enrolments: { cohort: string; training: string }[];
  /** Offers of the sociale kaart the resident chose (go / details), by name. */
  offerChoices?: { offer: string; action: string; at: Date }[];
  /** Ways to reach them they gave (a phone number to be called on), with why. */
  details?: { kind: string; value: string; purpose: string; at: Date }[];
}

/** A hand-off to open, as the engine asked for it. */
export interface HandoffRequest {
  reason: string;
  urgency: string;
  wijk: string | null;
  summary: { flow: string | null; answers: Record<string, AnswerValue> };
  at: Date;
}

/** A message relayed between a resident (`in`) and a verbinder (`out`), as it is kept. */
export interface RelayMessageRow {
  handoffId: string;
  direction: 'in' | 'out';
  authorId: string | null;
  text: string | null;
  mediaKind: string | null;
  /** The channel's handle to the media (see `InboundContent`), to fetch it when it is sent. */
  mediaRef?: string | null;
  /** The channel `mediaRef` belongs to. */
  mediaChannel?: string | null;
  savedReply: string | null;
  at: Date;
  /** `inbox` when nobody's chat gets it: the claimer reads it in the dashboard. */
  outcome?: 'inbox';
}

/**
 * Passes what a resident writes on to the verbinder who claimed their hand-off, in the
 * turn's transaction: the message kept, its relay put in the verbinder's outbox. Returns the
 * chats written to.
 */
export interface ResidentRelay {
  relay(
    tx: StoreTx,
    contactId: string,
    message: {
      text: string | null;
      mediaKind: string | null;
      /** The media's handle on `channel`, the channel the resident wrote on. */
      mediaRef: string | null;
      channel: string;
    },
    at: Date,
  ): Promise<ChatAddress[]>;
}

/** A verbinder or coordinator who could own a hand-off, with their load. */
export interface OwnerCandidateRow {
  id: string;
  role: string;
  wijkId: string | null;
  openHandoffs: number;
  language: string;
  /** Other languages they speak (see handoff/choose-owner.ts). */
  languages?: string[];
  channel: string | null;
  externalId: string | null;
}

/** One database transaction of a turn that is not ordinary; every method runs inside it. */
export interface StoreTx {
  /** Records an inbound id; false when it was already processed. */
  markProcessed(channel: string, messageId: string, at: Date): Promise<boolean>;
  loadConversation(identityKey: string): Promise<StoredConversation | null>;
  /**
   * Inserts (expectedVersion null) or updates the conversation; throws
   * VersionConflictError when another process changed it in between.
   */
  saveConversation(
    conversation: Omit<StoredConversation, 'version'>,
    expectedVersion: number | null,
    at: Date,
  ): Promise<void>;
  deleteConversation(identityKey: string): Promise<void>;
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
      /** The part of the day the resident likes to be messaged in (`any` for no wish). */
      preferredTime: string;
    }>,
  ): Promise<void>;
  /**
   * Forgets a contact who declined consent or said STOP before it. A contact WIJeindhoven
   * registered itself (a former trainee) is opted out instead: their enrolment stays.
   */
  forgetContact(contactId: string, at: Date): Promise<void>;
  /** The contact for a channel identity, when there is one (e.g. an imported trainee). */
  findContactByIdentity(channel: string, externalId: string): Promise<ContactSnapshot | null>;
  /**
   * Schedules a message for later (a check-up the resident asked for); the same kind about
   * the same subject is kept once.
   */
  scheduleMessage(input: {
    kind: string;
    channel: string;
    contactId: string;
    subject: string;
    dueAt: Date;
  }): Promise<void>;
  /**
   * STOP, opt-out or a blocked bot: cancel every follow-up, invitation and scheduled message
   * still pending.
   */
  cancelPending(contactId: string, at: Date): Promise<void>;
  /**
   * Erases everything about a contact (answers, profiles, sign-ups, hand-offs, follow-ups,
   * identities, conversations, sent messages), keeping only anonymous counts.
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
  /**
   * A check-up of a WIJ match was answered: the last one of a match sets whether it lasted,
   * unless a verbinder judged it already.
   */
  completeMatchCheckUp(
    contactId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  /** The platform refuses delivery (the resident blocked the bot): send nothing more. */
  markUnreachable(channel: string, externalId: string, at: Date): Promise<void>;
  recordConsent(
    contactId: string,
    consent: { purpose: string; textVersion: number; granted: boolean; at: Date },
  ): Promise<void>;
  saveAnswer(contactId: string, answer: AnswerRow & { at: Date }): Promise<void>;
  /**
   * Keeps a way to reach the resident they gave for `purpose` (a phone number, their
   * Telegram username), replacing one of the same kind and purpose.
   */
  keepContactDetail(
    contactId: string,
    detail: { kind: string; value: string; purpose: string; at: Date },
  ): Promise<void>;
  saveSignUp(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  saveTalentProfile(
    contactId: string,
    runId: string,
    answers: Record<string, AnswerValue>,
    at: Date,
  ): Promise<void>;
  /**
   * The resident chose an offer of the sociale kaart: kept with them (until erased) and
   * counted anonymously for the indicators. Optional: a store without a kaart ignores it.
   */
  recordOfferChoice?(
    contactId: string,
    choice: { offerId: string; action: 'go' | 'details'; wijk: string | null; at: Date },
  ): Promise<void>;
  /** Linked, active staff who could own a hand-off, with their open hand-offs. */
  ownerCandidates(): Promise<OwnerCandidateRow[]>;
  insertHandoff(
    contactId: string,
    handoff: HandoffRequest & { ownerId: string | null },
  ): Promise<string>;
  /** The contact's claimed hand-off and the chat of whoever claimed it (null: not linked). */
  claimedHandoff(
    contactId: string,
  ): Promise<{ id: string; claimer: { channel: string; externalId: string } | null } | null>;
  /** Keeps a message of the conversation between a resident and a verbinder. */
  insertRelayMessage(row: RelayMessageRow): Promise<string>;
  /**
   * Writes messages into a chat's outbox, numbered after what is there, and leases the chat
   * to `lease` when nobody is sending it.
   */
  enqueue(
    chat: ChatAddress,
    entries: OutboxEntry[],
    lease: string | null,
    at: Date,
    options?: EnqueueOptions,
  ): Promise<OutboxLease | null>;
}

export interface ConversationStore {
  /** The one read of a message (or of a flow Bloei starts: `delivery` null). */
  read(input: {
    channel: string;
    userId: string;
    identityKey: string;
    delivery: string | null;
  }): Promise<TurnSnapshot>;
  /**
   * The one write of an ordinary turn. Throws VersionConflictError when the conversation
   * changed since it was read, DuplicateDeliveryError when the message was processed.
   * Returns the chat's lease when this write took it.
   */
  write(turn: TurnWrite): Promise<OutboxLease | null>;
  /** A turn that is not ordinary (consent, erasure, a hand-off, a finished record). */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Choice sets kept as data (the wijken), cached for a short while. */
  choiceSets(): Promise<ChoiceSets>;
}

/** Raised by a store when a conversation row changed under us (another process). */
export class VersionConflictError extends BloeiError {
  override readonly name = 'VersionConflictError';
  readonly code = 'CONVERSATION_VERSION_CONFLICT';
  constructor(readonly identityKey: string) {
    super(`conversation changed concurrently`);
  }
}

/** Raised by a store's write when the inbound message was processed already. */
export class DuplicateDeliveryError extends BloeiError {
  override readonly name = 'DuplicateDeliveryError';
  readonly code = 'INBOUND_DUPLICATE';
  constructor(readonly identityKey: string) {
    super('inbound message processed already');
  }
}

export interface RenderedMessage {
  text: string;
  choices: OutboundChoice[];
  ref?: string;
  /** Media sent with the text as its caption (a relayed voice note). */
  media?: OutboundMedia;
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

/** Delivers a message on its channel; resolves with the platform's id for it, if any. */
export interface Outbound {
  send(message: OutboundMessage): Promise<string | void>;
}

/**
 * Opens hand-offs inside a turn's transaction: owner chosen, alert put in the outbox.
 * `handoffId` is null when none was opened (a member of staff trying Bloei out).
 */
export interface HandoffOpener {
  open(
    tx: StoreTx,
    contactId: string,
    request: HandoffRequest,
  ): Promise<{ handoffId: string | null; chats: ChatAddress[] }>;
}

/**
 * Messages from staff: a verbinder linking their chat with a one-time code, or claiming and
 * closing hand-offs. Returns null when the message is a resident's business.
 */
export interface StaffDesk {
  handle(
    inbound: InboundMessage,
    now: Date,
    staff: StaffIdentity | null,
  ): Promise<OutboundMessage[] | null>;
}

/** Structured logging; callers never pass message bodies, names or phone numbers. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
