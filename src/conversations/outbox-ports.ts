/**
 * The outbox as the conversation service sees it: the one way out for every message Bloei
 * sends (replies, hand-off alerts, notices to residents, follow-ups, later relays). A message
 * is written with the change that causes it; a sender then leases its chat, sends with no
 * transaction open, and marks it done in one guarded statement.
 */

/** Where a chat's messages go: its key (the identity key of channel and address). */
export interface ChatAddress {
  key: string;
  channel: string;
  address: string;
}

/**
 * One message to write. `kind` names how it is rendered when sent (see OutboxKinds):
 * `message` carries its text and choices; other kinds render from the rows at sending time.
 */
export interface OutboxEntry {
  kind: string;
  body: unknown;
  /** What the message is about, e.g. `handoff:<id>`, so it can be found again. */
  subject?: string | null;
  /**
   * Sent at most once: a message Bloei sends on its own initiative (a follow-up) is recorded
   * as uncertain rather than sent again when its sender died while sending it.
   */
  once?: boolean;
}

export interface EnqueueOptions {
  /** Forget the chat once these are sent: the person asked to be forgotten. */
  forget?: boolean;
}

/** A message of a chat's outbox, as a sender takes it. */
export interface OutboxRow {
  seq: number;
  kind: string;
  body: unknown;
  /** Failed attempts so far. */
  attempts: number;
  once: boolean;
  /** A sender began sending it (only recorded for `once` messages). */
  started: boolean;
}

/** A chat this sender holds: the token that proves it and the next message to send. */
export interface OutboxLease {
  chat: ChatAddress;
  token: string;
  /** The next message, when known without another read. */
  next: OutboxRow | null;
}

export type OutboxOutcome = 'sent' | 'skipped' | 'unreachable' | 'failed' | 'uncertain';

export interface MarkedDone {
  /** False when the lease was lost meanwhile (taken over after it ran out): stop. */
  held: boolean;
  /** The next message, when one is waiting and could be read in the same statement. */
  next: OutboxRow | null;
  /** More is waiting than `next` shows (written at the same moment): read it. */
  more: boolean;
  /** Nothing is left and the chat is to be forgotten (see `forget`). */
  forget: boolean;
}

/** The outbox's statements; each is one round trip and none is held across a send. */
export interface OutboxStore {
  /** Writes messages into a chat's outbox (numbered after what is there), leasing it when free. */
  enqueue(
    chat: ChatAddress,
    entries: OutboxEntry[],
    lease: string | null,
    at: Date,
    options?: EnqueueOptions,
  ): Promise<OutboxLease | null>;
  /** Leases a chat that has messages waiting and nobody sending it. */
  acquire(key: string, token: string): Promise<OutboxLease | null>;
  /** The next message of a chat this token holds. */
  next(key: string, token: string): Promise<OutboxRow | null>;
  /**
   * Marks a message done and returns the next; releases the lease when none is left. Only
   * the holder of the lease can mark.
   */
  markDone(
    key: string,
    seq: number,
    token: string,
    outcome: OutboxOutcome,
    platformId: string | null,
  ): Promise<MarkedDone>;
  /** Records that a `once` message is about to be sent; false when the lease was lost. */
  begin(key: string, seq: number, token: string): Promise<boolean>;
  /** Deletes a chat marked to be forgotten, once nothing waits in it and nobody holds it. */
  forget(key: string): Promise<void>;
  /** Lets go of a lease at once (a write whose outcome is unknown held it, perhaps). */
  release(key: string, token: string): Promise<void>;
  /** Extends the lease while one send takes long (a 429 wait); false when it was lost. */
  renew(key: string, token: string): Promise<boolean>;
  /** Lets go of a chat whose send failed, to be tried again after `delaySeconds`. */
  retryLater(key: string, seq: number, token: string, delaySeconds: number): Promise<number>;
  /** The last sequence number written to a chat and the last done (null: no such chat). */
  progress(key: string): Promise<{ lastSeq: number; doneSeq: number } | null>;
  /** Chats of these channels with messages waiting and no live lease, oldest first. */
  waiting(channels: readonly string[], limit: number): Promise<string[]>;
}
