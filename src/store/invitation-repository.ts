/**
 * Invitations: flows Bloei starts on its own initiative for a consented resident (a check-in
 * a verbinder invites someone to), each claimed before it is started so it goes out once.
 */
import type { Db } from './db.js';

export interface DueInvitation {
  id: string;
  flow: string;
  identity: { channel: string; externalId: string } | null;
}

export class InvitationRepository {
  constructor(private readonly db: Db) {}

  async due(now: Date, take = 100): Promise<DueInvitation[]> {
    const rows = await this.db.invitation.findMany({
      where: { sentAt: null, dueAt: { lte: now } },
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
      where: { id, sentAt: null },
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
