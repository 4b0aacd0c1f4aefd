/**
 * Contacts outside a conversation turn: who has been quiet long enough to be erased, the
 * erasure itself (erase-contact.ts), and what a coordinator looks up on the command line.
 */
import type { Db } from './db.js';
import { eraseContact } from './erase-contact.js';

export class ContactRepository {
  constructor(private readonly db: Db) {}

  /** Contacts who have not written since `cutoff` (or never, and were created before it). */
  async quietSince(cutoff: Date): Promise<string[]> {
    const rows = await this.db.contact.findMany({
      where: {
        OR: [{ lastInboundAt: { lt: cutoff } }, { lastInboundAt: null, createdAt: { lt: cutoff } }],
      },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** Erases a contact, keeping anonymous counts; false when they were gone already. */
  erase(contactId: string, at: Date): Promise<boolean> {
    return eraseContact(this.db, contactId, at);
  }

  byId(id: string) {
    return this.db.contact.findUnique({ where: { id } });
  }
}
