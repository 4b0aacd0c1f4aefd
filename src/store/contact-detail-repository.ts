/**
 * Ways to reach a resident outside Bloei that they gave for a purpose (a phone number to be
 * called back on, their Telegram @username when they asked for a person). One per kind and
 * purpose: a newer one replaces the older. Erased with the contact by cascade; the values
 * are personal data and never logged.
 */
import type { Db } from './db.js';

/** A contact detail as the dashboard, the alerts and "my data" read it. */
export interface ContactDetailRow {
  kind: string;
  value: string;
  purpose: string;
  at: Date;
}

export interface KeptDetail {
  contactId: string;
  kind: string;
  value: string;
  purpose: string;
  at: Date;
}

/** Keeps (or replaces) a detail; used inside a turn's transaction as well. */
export async function keepContactDetail(db: Db, detail: KeptDetail): Promise<void> {
  const { contactId, kind, value, purpose, at } = detail;
  await db.contactDetail.upsert({
    where: { contactId_kind_purpose: { contactId, kind, purpose } },
    create: { contactId, kind, value, purpose, createdAt: at },
    update: { value, createdAt: at },
  });
}

/** A contact's details, oldest first. */
export async function contactDetailsOf(db: Db, contactId: string): Promise<ContactDetailRow[]> {
  const rows = await db.contactDetail.findMany({
    where: { contactId },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ kind: r.kind, value: r.value, purpose: r.purpose, at: r.createdAt }));
}

export class ContactDetailRepository {
  constructor(private readonly db: Db) {}

  keep(detail: KeptDetail): Promise<void> {
    return keepContactDetail(this.db, detail);
  }

  of(contactId: string): Promise<ContactDetailRow[]> {
    return contactDetailsOf(this.db, contactId);
  }
}
