/**
 * How each kind of outbox message becomes text at the moment it is sent, and what follows
 * once it went out. A registry, so a new kind (a verbinder's relayed message, a campaign)
 * registers itself in one place. `message` is built in: its body is the rendered text.
 */
import { BloeiError } from '../errors/bloei-error.js';
import type { ChatAddress, OutboxEntry, OutboxRow } from './outbox-ports.js';
import type { RenderedMessage } from './ports.js';
import type { SendPriority } from './send-pacer.js';

export interface OutboxKind {
  /**
   * Its place in the channel's send budget: `live` (default) goes before `background`, which
   * gets what live traffic leaves over. A `once` message is always background (see
   * `OutboxKinds.priority`).
   */
  priority?: SendPriority;
  /** The text to send now; null when there is nothing to say any more (e.g. claimed meanwhile). */
  render(body: unknown, chat: ChatAddress): Promise<RenderedMessage | null>;
  /** Runs after the platform accepted the message (e.g. a hand-off marked as alerted). */
  sent?(body: unknown, chat: ChatAddress, at: Date): Promise<void>;
  /**
   * Runs when the message was given up (`failed`) or the person can no longer be reached
   * (`unreachable`), so its sender can be told (e.g. a verbinder's relayed answer).
   */
  undelivered?(
    body: unknown,
    chat: ChatAddress,
    outcome: 'failed' | 'unreachable',
    at: Date,
  ): Promise<void>;
}

export class UnknownOutboxKindError extends BloeiError<{ kind: string }> {
  override readonly name = 'UnknownOutboxKindError';
  readonly code = 'OUTBOX_KIND_UNKNOWN';
}

/** An outbox entry for text rendered already, e.g. a reply of the turn. */
export function messageEntry({ text, choices, ref }: RenderedMessage): OutboxEntry {
  return { kind: 'message', body: { text, choices, ...(ref ? { ref } : {}) } };
}

export class OutboxKinds {
  private readonly kinds = new Map<string, OutboxKind>([
    ['message', { render: async (body) => body as RenderedMessage }],
  ]);

  register(name: string, kind: OutboxKind): this {
    this.kinds.set(name, kind);
    return this;
  }

  get(name: string): OutboxKind {
    const kind = this.kinds.get(name);
    if (!kind)
      throw new UnknownOutboxKindError(`no outbox kind ${name}`, { context: { kind: name } });
    return kind;
  }

  /**
   * Where a message stands in the channel's send budget. A `once` message is one Bloei sends
   * on its own initiative (a follow-up, a scheduled check-up, a campaign): nobody is waiting
   * for it, so it goes in the budget live traffic leaves over, whatever its kind.
   */
  priority(row: Pick<OutboxRow, 'kind' | 'once'>): SendPriority {
    return row.once ? 'background' : (this.get(row.kind).priority ?? 'live');
  }

  get names(): string[] {
    return [...this.kinds.keys()];
  }
}
