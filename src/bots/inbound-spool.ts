/**
 * Where inbound messages wait, durably, until they are handled: the port a channel needs when
 * the platform will not deliver a message a second time (WhatsApp Web) or when an update has
 * to be confirmed before it can be handled (a Telegram chat that holds up the others). The
 * store implements it on the database; a message in the spool survives a crash.
 *
 * Chats and messages are named by keyed hashes (the conversation's identity key), never by
 * phone number or user id; the message itself is kept only until it is handled.
 */
import type { InboundMessage } from './channel.js';

/** A message taken from the spool to be handled. */
export interface SpooledMessage {
  /** The spool row. */
  id: string;
  message: InboundMessage;
  /** Attempts started so far, this one included. */
  attempts: number;
}

/** What is kept of an error: its name and code, never its message (it may quote a resident). */
export interface SpoolError {
  name: string;
  code?: string;
}

export interface InboundSpool {
  /**
   * Keeps the messages not spooled before (pending, handled and parked ones are all known by
   * their message id) and returns how many were new. Resolves once they are durable.
   */
  add(messages: readonly InboundMessage[]): Promise<number>;
  /**
   * The chat's oldest pending message (by sent time, then arrival), its attempts counted.
   * `chatKey` is the conversation's identity key of channel and user id.
   */
  claim(chatKey: string): Promise<SpooledMessage | null>;
  /** The message was handled: its content is dropped, the hash-only marker stays. */
  handled(id: string): Promise<void>;
  /** An attempt failed; `park` sets the message aside for a coordinator (kept, not retried). */
  failed(id: string, error: SpoolError, park: boolean): Promise<void>;
  /** Chats with pending messages on `channel`. */
  pendingChats(channel: string): Promise<string[]>;
  /** Which of these message ids (of `channel`) were spooled before. */
  known(channel: string, messageIds: readonly string[]): Promise<Set<string>>;
  /** Per user id: when the newest handled message of that chat was sent. */
  lastHandled(channel: string, userIds: readonly string[]): Promise<Map<string, Date>>;
  /** Forgets handled markers settled before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/** The part of an error the spool keeps: its class name and stable code, if it has one. */
export function spoolError(error: unknown): SpoolError {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
  };
}

/** An error as a log line may show it: `err` (its name) and its code, never its message. */
export function errorFields(error: unknown): { err: string; code?: string } {
  const { name, code } = spoolError(error);
  return { err: name, ...(code ? { code } : {}) };
}
