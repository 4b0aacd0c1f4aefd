/**
 * The conversation between a resident and the verbinder who claimed their hand-off: each
 * message kept with the hand-off (personal data, erased with the contact by cascade), what
 * the outbox renders it from when it is sent, its delivery, the web inbox's thread, and the
 * retention that prunes it some time after the hand-off closed.
 */
import type { RelayMessageRow } from '../conversations/ports.js';
import type { Db } from './db.js';

/** A relayed message as it is sent: its text and who it goes to and from. */
export interface RelayForSending {
  id: string;
  direction: string;
  text: string | null;
  mediaKind: string | null;
  /** The resident's channel's handle to the media, fetched when it is sent. */
  mediaRef: string | null;
  /** The channel `mediaRef` belongs to. */
  mediaChannel: string | null;
  savedReply: string | null;
  handoff: { id: string; number: number; status: string };
  resident: { firstName: string | null; language: string; status: string };
  author: {
    name: string;
    language: string;
    channel: string | null;
    externalId: string | null;
  } | null;
  claimer: { language: string } | null;
}

/** One line of a hand-off's conversation, as the web inbox shows it. */
export interface RelayThreadLine {
  id: string;
  direction: string;
  author: string | null;
  text: string | null;
  mediaKind: string | null;
  savedReply: string | null;
  at: Date;
  outcome: string | null;
}

export class RelayRepository {
  constructor(private readonly db: Db) {}

  async insert(row: RelayMessageRow): Promise<string> {
    const { at, ...fields } = row;
    const created = await this.db.relayMessage.create({
      data: { ...fields, createdAt: at },
      select: { id: true },
    });
    return created.id;
  }

  async forSending(id: string): Promise<RelayForSending | null> {
    const m = await this.db.relayMessage.findUnique({
      where: { id },
      include: {
        author: { select: { name: true, language: true, channel: true, externalId: true } },
        handoff: {
          select: {
            id: true,
            number: true,
            status: true,
            contact: { select: { firstName: true, language: true, status: true } },
            claimedBy: { select: { language: true } },
          },
        },
      },
    });
    if (!m) return null;
    return {
      id: m.id,
      direction: m.direction,
      text: m.text,
      mediaKind: m.mediaKind,
      mediaRef: m.mediaRef,
      mediaChannel: m.mediaChannel,
      savedReply: m.savedReply,
      handoff: { id: m.handoff.id, number: m.handoff.number, status: m.handoff.status },
      resident: m.handoff.contact,
      author: m.author,
      claimer: m.handoff.claimedBy,
    };
  }

  /** The number of the hand-off a relayed message, or the hand-off itself, belongs to. */
  async handoffNumber(of: { relayId: string } | { handoffId: string }): Promise<number | null> {
    if ('handoffId' in of) {
      const h = await this.db.handoff.findUnique({
        where: { id: of.handoffId },
        select: { number: true },
      });
      return h?.number ?? null;
    }
    const m = await this.db.relayMessage.findUnique({
      where: { id: of.relayId },
      select: { handoff: { select: { number: true } } },
    });
    return m?.handoff.number ?? null;
  }

  /** Records what became of the message in the outbox (sent, failed, unreachable). */
  async markDone(id: string, outcome: string, at: Date): Promise<void> {
    await this.db.relayMessage.updateMany({ where: { id }, data: { outcome, doneAt: at } });
  }

  /** The conversation of a hand-off, oldest first. */
  async thread(handoffId: string): Promise<RelayThreadLine[]> {
    const rows = await this.db.relayMessage.findMany({
      where: { handoffId },
      orderBy: { seq: 'asc' },
      include: { author: { select: { name: true } } },
    });
    return rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      author: m.author?.name ?? null,
      text: m.text,
      mediaKind: m.mediaKind,
      savedReply: m.savedReply,
      at: m.createdAt,
      outcome: m.outcome,
    }));
  }

  /** How many messages the hand-off's conversation has: the web page's poll compares it. */
  count(handoffId: string): Promise<number> {
    return this.db.relayMessage.count({ where: { handoffId } });
  }

  /**
   * Claimed hand-offs with a resident's message written before `before` that no verbinder
   * answered (no message out after it) and that was not yet reminded (`reminder`) or passed
   * to the wijkteam (`escalation`).
   */
  async unansweredDue(kind: 'reminder' | 'escalation', before: Date): Promise<string[]> {
    const mark = kind === 'reminder' ? { remindedAt: null } : { escalatedAt: null };
    const waiting = await this.db.relayMessage.findMany({
      where: {
        direction: 'in',
        createdAt: { lt: before },
        ...mark,
        handoff: { status: 'claimed' },
      },
      select: { handoffId: true, seq: true },
      orderBy: { seq: 'asc' },
    });
    const due = new Set<string>();
    for (const { handoffId, seq } of waiting) {
      if (due.has(handoffId)) continue;
      if (!(await this.answeredAfter(handoffId, seq))) due.add(handoffId);
    }
    return [...due];
  }

  /**
   * Marks the hand-off's unanswered messages as reminded (or escalated); false when there
   * were none left to mark (answered meanwhile, or marked by another worker).
   */
  async markUnanswered(
    handoffId: string,
    kind: 'reminder' | 'escalation',
    at: Date,
  ): Promise<boolean> {
    const lastOut = await this.db.relayMessage.findFirst({
      where: { handoffId, direction: 'out' },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    const marked = await this.db.relayMessage.updateMany({
      where: {
        handoffId,
        direction: 'in',
        seq: { gt: lastOut?.seq ?? 0 },
        ...(kind === 'reminder' ? { remindedAt: null } : { escalatedAt: null }),
      },
      data: kind === 'reminder' ? { remindedAt: at } : { escalatedAt: at },
    });
    return marked.count > 0;
  }

  /** When the oldest message of the resident still unanswered was written; null: none. */
  async oldestUnanswered(handoffId: string): Promise<Date | null> {
    const lastOut = await this.db.relayMessage.findFirst({
      where: { handoffId, direction: 'out' },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    const oldest = await this.db.relayMessage.findFirst({
      where: { handoffId, direction: 'in', seq: { gt: lastOut?.seq ?? 0 } },
      orderBy: { seq: 'asc' },
      select: { createdAt: true },
    });
    return oldest?.createdAt ?? null;
  }

  private async answeredAfter(handoffId: string, seq: number): Promise<boolean> {
    const answer = await this.db.relayMessage.findFirst({
      where: { handoffId, direction: 'out', seq: { gt: seq } },
      select: { id: true },
    });
    return answer !== null;
  }

  /** Retention: the conversations of hand-offs closed before `before` are deleted. */
  async pruneClosedBefore(before: Date): Promise<number> {
    const pruned = await this.db.relayMessage.deleteMany({
      where: { handoff: { status: 'closed', closedAt: { lt: before } } },
    });
    return pruned.count;
  }
}
