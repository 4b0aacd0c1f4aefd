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
}

/** A message of a chat's outbox, as a sender takes it. */
export interface OutboxRow {
  seq: number;
  kind: string;
  body: unknown;
  /** Failed attempts so far. */
  attempts: number;
}

/** A chat this sender holds: the token that proves it and the next message to send. */
export interface OutboxLease {
  chat: ChatAddress;
  token: string;
  /** The next message, when known without another read. */
  next: OutboxRow | null;
}

export type OutboxOutcome = 'sent' | 'skipped' | 'unreachable' | 'failed';

export interface MarkedDone {
  /** False when the lease was lost meanwhile (taken over after it ran out): stop. */
  held: boolean;
  /** The next message, when one is waiting and could be read in the same statement. */
  next: OutboxRow | null;
  /** More is waiting than `next` shows (written at the same moment): read it. */
  more: boolean;
}

/** The outbox's statements; each is one round trip and none is held across a send. */
export interface OutboxStore {
  /** Writes messages into a chat's outbox (numbered after what is there), leasing it when free. */
  enqueue(
    chat: ChatAddress,
    entries: OutboxEntry[],
    lease: string | null,
    at: Date,
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
  /** Extends the lease while one send takes long (a 429 wait); false when it was lost. */
  renew(key: string, token: string): Promise<boolean>;
  /** Lets go of a chat whose send failed, to be tried again after `delaySeconds`. */
  retryLater(key: string, seq: number, token: string, delaySeconds: number): Promise<number>;
  /** Chats of these channels with messages waiting and no live lease, oldest first. */
  waiting(channels: readonly string[], limit: number): Promise<string[]>;
}
