/**
 * Invitations: flows Bloei starts on its own initiative for a consented resident (a check-in
 * a verbinder invites someone to), each claimed (`sentAt`) before it is started so it goes out
 * once; a claim without an outcome long after belongs to a worker that died, and is taken over.
 */
import type { Db } from './db.js';
import { claimAbandonedAfterMs } from './scheduled-message-repository.js';

/** Not claimed yet, or claimed so long ago without an outcome that its worker must have died. */
const claimable = (now: Date) => ({
  OR: [
    { sentAt: null },
    { outcome: null, sentAt: { lt: new Date(now.getTime() - claimAbandonedAfterMs) } },
  ],
});

export interface DueInvitation {
  id: string;
  flow: string;
  identity: { channel: string; externalId: string } | null;
}

export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async due(now: Date, take = 100): Promise<DueInvitation[]> {
    const rows = await this.db.invitation.findMany({
      where: { dueAt: { lte: now }, ...claimable(now) },
      include: {
        contact: { include: { identities: { take: 1, orderBy: { createdAt: 'asc' } } } },
      },
      orderBy: { dueAt: 'asc' },
      take,
    });
    return rows.map((r) => {
      const identity = r.contact.identities[0];
      return {
        id: r.id,
        flow: r.flow,
        identity: identity ? { channel: identity.channel, externalId: identity.externalId } : null,
      };
    });
  }

  /** Claims an invitation for sending; false when another worker did first. */
  async claim(id: string, at: Date): Promise<boolean> {
    const claimed = await this.db.invitation.updateMany({
      where: { id, ...claimable(at) },
      data: { sentAt: at },
    });
    return claimed.count === 1;
  }

  async record(id: string, outcome: 'sent' | 'skipped'): Promise<void> {
    await this.db.invitation.update({ where: { id }, data: { outcome } });
  }

  async create(input: { contactId: string; flow: string; dueAt: Date; createdBy: string | null }) {
    return this.db.invitation.create({ data: input });
  }
}
