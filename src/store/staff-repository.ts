/**
 * Staff: verbinders and coordinators, their chat links (one-time codes, failed guesses),
 * web logins, and the wijken they work in. Rare work, on the Prisma model API.
 */
import type { Db } from './db.js';

export interface LinkedStaff {
  id: string;
  name: string;
  language: string;
}

export class StaffRepository {
  constructor(private readonly db: Db) {}

  /** Failed link-code guesses from a chat since `since`. */
  failedLinks(identityKey: string, since: Date): Promise<number> {
    return this.db.linkAttempt.count({ where: { identityKey, at: { gte: since } } });
  }

  async recordFailedLink(identityKey: string, at: Date): Promise<void> {
    await this.db.linkAttempt.create({ data: { identityKey, at } });
  }

  /**
   * Uses a one-time code to link a chat to its verbinder (unlinking whoever had the chat);
   * null when the code is unknown, used, expired or its verbinder deactivated. Run it in a
   * transaction.
   */
  async link(
    codeHash: string,
    chat: { channel: string; externalId: string },
    now: Date,
  ): Promise<LinkedStaff | null> {
    const found = await this.db.linkCode.findUnique({
      where: { codeHash },
      include: { verbinder: true },
    });
    if (!found || found.usedAt || found.expiresAt <= now || !found.verbinder.active) return null;
    const used = await this.db.linkCode.updateMany({
      where: { id: found.id, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    await this.db.verbinder.updateMany({
      where: chat,
      data: { channel: null, externalId: null, linkedAt: null },
    });
    const linked = await this.db.verbinder.update({
      where: { id: found.verbinderId },
      data: { ...chat, linkedAt: now },
    });
    return { id: linked.id, name: linked.name, language: linked.language };
  }

  async unlink(id: string): Promise<void> {
    await this.db.verbinder.update({
      where: { id },
      data: { channel: null, externalId: null, linkedAt: null },
    });
  }

  async addLinkCode(verbinderId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.db.linkCode.create({ data: { verbinderId, codeHash, expiresAt } });
  }

  create(input: {
    name: string;
    role: string;
    wijkId: string | null;
    language: string;
    languages?: string[];
  }) {
    return this.db.verbinder.create({ data: input });
  }

  list() {
    return this.db.verbinder.findMany({ orderBy: [{ role: 'asc' }, { name: 'asc' }] });
  }

  byLogin(login: string) {
    return this.db.verbinder.findUnique({ where: { login } });
  }

  /** A new login and password end every session the staff member has. */
  async setPassword(id: string, login: string, passwordHash: string): Promise<void> {
    await this.db.verbinder.update({ where: { id }, data: { login, passwordHash } });
    await this.db.staffSession.deleteMany({ where: { staffId: id } });
  }

  /** Deactivation ends every session the staff member has. */
  async setActive(id: string, active: boolean): Promise<void> {
    await this.db.verbinder.update({ where: { id }, data: { active } });
    if (!active) await this.db.staffSession.deleteMany({ where: { staffId: id } });
  }

  /** Takes back a staff member who was added a moment ago (a failed form leaves nothing). */
  async remove(id: string): Promise<void> {
    await this.db.verbinder.delete({ where: { id } });
  }

  /** Removes dashboard sessions that expired before `now`. */
  async pruneSessions(now: Date): Promise<void> {
    await this.db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  }

  /** Whether a chat is a resident's (it has a conversation), so a code-like text is theirs. */
  async isResidentChat(identityKey: string): Promise<boolean> {
    const found = await this.db.conversation.findUnique({
      where: { identityKey },
      select: { id: true },
    });
    return found !== null;
  }

  wijk(id: string) {
    return this.db.wijk.findUnique({ where: { id } });
  }

  wijken() {
    return this.db.wijk.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  }

  /** Adds a wijk at the end of the list, or renames (and reactivates) a known one. */
  async saveWijk(id: string, name: string) {
    const last = await this.db.wijk.aggregate({ _max: { sortOrder: true } });
    return this.db.wijk.upsert({
      where: { id },
      create: { id, name, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      update: { name, active: true },
    });
  }
}
