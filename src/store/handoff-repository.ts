/**
 * Hand-offs: what alerts and notices are rendered from, claiming and closing, the marks that
 * keep each reminder, escalation and re-raised alert single, and the urgent ones every
 * coordinator's inbox shows at once. Rare work, on the Prisma model API; bound to a
 * transaction when the store is (see store.ts).
 */
import type { OwnerCandidateRow } from '../conversations/ports.js';
import type { AnswerValue } from '../flows/state.js';
import type { Db } from './db.js';

export interface HandoffForAlert {
  id: string;
  number: number;
  status: string;
  urgency: string;
  reason: string;
  wijk: string | null;
  wijkName: string | null;
  summary: { flow?: string | null; answers?: Record<string, AnswerValue> };
  createdAt: Date;
  contact: {
    firstName: string | null;
    language: string;
    channel: string | null;
    /** Chat accounts and details the resident gave: how a verbinder can reach them. */
    identities: { channel: string; externalId: string }[];
    details: { kind: string; value: string }[];
  };
}

export interface HandoffForNotice {
  status: string;
  claimedByName: string | null;
  contact: { status: string; language: string; channel: string; externalId: string } | null;
}

export interface HandoffForAction {
  id: string;
  number: number;
  status: string;
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  firstName: string | null;
}

export type EscalationKind = 'reminder' | 'escalation';

/** Linked, active staff with their open hand-offs: who can own a hand-off or get an alert. */
export async function linkedStaff(db: Db): Promise<OwnerCandidateRow[]> {
  const candidates = await db.verbinder.findMany({
    where: { active: true, linkedAt: { not: null } },
    select: {
      id: true,
      role: true,
      wijkId: true,
      language: true,
      channel: true,
      externalId: true,
      _count: { select: { owned: { where: { status: { not: 'closed' } } } } },
    },
    orderBy: { id: 'asc' },
  });
  return candidates.map(({ _count, ...c }) => ({ ...c, openHandoffs: _count.owned }));
}

export class HandoffRepository {
  constructor(private readonly db: Db) {}

  linkedStaff(): Promise<OwnerCandidateRow[]> {
    return linkedStaff(this.db);
  }

  async forAlert(id: string): Promise<HandoffForAlert | null> {
    const h = await this.db.handoff.findUnique({
      where: { id },
      include: {
        contact: {
          select: {
            firstName: true,
            language: true,
            identities: {
              select: { channel: true, externalId: true },
              orderBy: { createdAt: 'asc' },
            },
            details: { select: { kind: true, value: true }, orderBy: { createdAt: 'asc' } },
          },
        },
      },
    });
    if (!h) return null;
    const wijk = h.wijk ? await this.db.wijk.findUnique({ where: { id: h.wijk } }) : null;
    return {
      id: h.id,
      number: h.number,
      status: h.status,
      urgency: h.urgency,
      reason: h.reason,
      wijk: h.wijk,
      wijkName: wijk?.name ?? null,
      summary: h.summary as HandoffForAlert['summary'],
      createdAt: h.createdAt,
      contact: {
        firstName: h.contact.firstName,
        language: h.contact.language,
        channel: h.contact.identities[0]?.channel ?? null,
        identities: h.contact.identities,
        details: h.contact.details,
      },
    };
  }

  /** Who claimed it: the verbinder a resident's unanswered message reminds. */
  async claimerOf(id: string): Promise<string | null> {
    const h = await this.db.handoff.findUnique({ where: { id }, select: { claimedById: true } });
    return h?.claimedById ?? null;
  }

  async ownerOf(id: string): Promise<string | null> {
    const h = await this.db.handoff.findUnique({ where: { id }, select: { ownerId: true } });
    return h?.ownerId ?? null;
  }

  /** The first alert that reached someone counts; later ones change nothing. */
  async markAlerted(id: string, at: Date): Promise<void> {
    await this.db.handoff.updateMany({ where: { id, alertedAt: null }, data: { alertedAt: at } });
  }

  /**
   * Open hand-offs nobody was alerted about although the alert was raised before `before`,
   * with no alert still waiting in the outbox: their alert went missing.
   */
  async unalerted(before: Date): Promise<string[]> {
    const rows = await this.db.handoff.findMany({
      where: {
        status: 'open',
        alertedAt: null,
        OR: [
          { alertRaisedAt: null, createdAt: { lte: before } },
          { alertRaisedAt: { lte: before } },
        ],
      },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: 100,
    });
    const waiting = await this.db.outboxMessage.findMany({
      where: { subject: { in: rows.map((r) => `handoff:${r.id}`) }, doneAt: null },
      select: { subject: true },
    });
    const busy = new Set(waiting.map((w) => w.subject));
    return rows.map((r) => r.id).filter((id) => !busy.has(`handoff:${id}`));
  }

  /** Claims raising the alert again; false when another process did so meanwhile. */
  async claimReraise(id: string, before: Date, at: Date): Promise<boolean> {
    const claimed = await this.db.handoff.updateMany({
      where: {
        id,
        status: 'open',
        alertedAt: null,
        OR: [{ alertRaisedAt: null }, { alertRaisedAt: { lte: before } }],
      },
      data: { alertRaisedAt: at },
    });
    return claimed.count === 1;
  }

  /** Open hand-offs unclaimed since `before` that did not get this reminder yet, oldest first. */
  async dueFor(kind: EscalationKind, before: Date): Promise<string[]> {
    const field = kind === 'reminder' ? 'remindedAt' : 'escalatedAt';
    const rows = await this.db.handoff.findMany({
      where: { status: 'open', [field]: null, createdAt: { lte: before } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => r.id);
  }

  /** Marks a reminder or escalation as sent; false when another process marked it first. */
  async markEscalated(id: string, kind: EscalationKind, at: Date): Promise<boolean> {
    const field = kind === 'reminder' ? 'remindedAt' : 'escalatedAt';
    const marked = await this.db.handoff.updateMany({
      where: { id, status: 'open', [field]: null },
      data: kind === 'reminder' ? { remindedAt: at } : { escalatedAt: at, remindedAt: at },
    });
    return marked.count === 1;
  }

  async forNotice(id: string): Promise<HandoffForNotice | null> {
    const h = await this.db.handoff.findUnique({
      where: { id },
      include: {
        contact: { include: { identities: { take: 1, orderBy: { createdAt: 'asc' } } } },
        claimedBy: { select: { name: true } },
      },
    });
    if (!h) return null;
    const identity = h.contact.identities[0];
    return {
      status: h.status,
      claimedByName: h.claimedBy?.name ?? null,
      contact: identity
        ? {
            status: h.contact.status,
            language: h.contact.language,
            channel: identity.channel,
            externalId: identity.externalId,
          }
        : null,
    };
  }

  async byNumber(number: number): Promise<HandoffForAction | null> {
    const h = await this.db.handoff.findUnique({
      where: { number },
      include: { contact: { select: { firstName: true } }, claimedBy: { select: { name: true } } },
    });
    if (!h) return null;
    return {
      id: h.id,
      number: h.number,
      status: h.status,
      claimedById: h.claimedById,
      claimedByName: h.claimedBy?.name ?? null,
      claimedAt: h.claimedAt,
      firstName: h.contact.firstName,
    };
  }

  /** Claims an open hand-off; false when it was claimed or closed meanwhile. */
  async claim(id: string, verbinderId: string, at: Date): Promise<boolean> {
    const claimed = await this.db.handoff.updateMany({
      where: { id, status: 'open' },
      data: { status: 'claimed', claimedById: verbinderId, claimedAt: at },
    });
    return claimed.count === 1;
  }

  /** Closes a hand-off (claiming it for whoever closes it if nobody had); false when closed. */
  async close(h: HandoffForAction, verbinderId: string, at: Date): Promise<boolean> {
    const closed = await this.db.handoff.updateMany({
      where: { id: h.id, status: { not: 'closed' } },
      data: {
        status: 'closed',
        closedAt: at,
        claimedById: h.claimedById ?? verbinderId,
        claimedAt: h.claimedAt ?? at,
      },
    });
    return closed.count === 1;
  }

  /**
   * Retention: closed hand-offs lose their details (the answers summary and verbinders'
   * notes) once closed before `before`. Returns how many hand-offs were cleared.
   */
  async clearClosedBefore(before: Date): Promise<number> {
    const closedLongAgo = { status: 'closed', closedAt: { lt: before } };
    await this.db.handoffNote.deleteMany({ where: { handoff: closedLongAgo } });
    const cleared = await this.db.handoff.updateMany({
      where: { ...closedLongAgo, NOT: { summary: { equals: {} } } },
      data: { summary: {} },
    });
    return cleared.count;
  }

  /** Hand-offs not closed, urgent first, then oldest: what a verbinder asks for in chat. */
  async openList(take = 20) {
    return this.db.handoff.findMany({
      where: { status: { not: 'closed' } },
      orderBy: [{ urgency: 'desc' }, { createdAt: 'asc' }],
      take,
      select: { number: true, status: true, reason: true, wijk: true },
    });
  }

  /**
   * Urgent hand-offs still open, oldest first, with whether their alert reached anyone yet:
   * every coordinator's dashboard inbox shows these at once, whoever owns them.
   */
  async urgentOpen() {
    return this.db.handoff.findMany({
      where: { status: 'open', urgency: 'urgent' },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        number: true,
        wijk: true,
        reason: true,
        createdAt: true,
        alertedAt: true,
      },
    });
  }
}
