/**
 * Scheduled messages: what Bloei will send on its own initiative, and when. Scheduling the
 * same kind about the same subject twice keeps the first (a retried turn doubles nothing);
 * each is claimed (`pending` → `sending`) before its flow starts, so two workers never send
 * the same one, and a claim left by a worker that died is taken over later; STOP cancels
 * what is pending, and erasure takes the rows with the contact.
 * Every due time is moved into the contact's preferred part of the day (schedule/
 * contact-window.ts), so `schedule list` shows when a message really goes out.
 */
import { placeForContact, replaceForContact } from '../schedule/contact-window.js';
import type { Db } from './db.js';

export type ScheduledState = 'pending' | 'sending' | 'sent' | 'skipped' | 'cancelled';

export interface ScheduleInput {
  kind: string;
  channel: string;
  contactId: string;
  subject: string;
  dueAt: Date;
}

export interface ScheduledRow {
  id: string;
  kind: string;
  channel: string;
  contactId: string;
  subject: string;
  dueAt: Date;
  state: string;
}

export interface ScheduleFilter {
  from?: Date;
  to?: Date;
  kind?: string;
  /** Only these states; pending (what is still to go out) by default. */
  states?: readonly ScheduledState[];
}

/** A due message with where it goes: the contact's identity on its channel. */
export interface DueScheduled extends ScheduledRow {
  identity: { channel: string; externalId: string } | null;
  /** The contact's preferred part of the day, checked again when it is sent. */
  preferredTime: string | null;
  /** The contact's language, for a message sent as written (a campaign's). */
  language: string;
}

/**
 * How long a claim may stay unfinished before it counts as left behind by a worker that died:
 * starting a flow takes well under a second, sending it waits at most for the channel's budget.
 */
export const claimAbandonedAfterMs = 15 * 60_000;

/** A message claimed for sending (`sending`) so long ago that its worker must have died. */
const abandonedClaim = (now: Date) => ({
  state: 'sending',
  claimedAt: { lt: new Date(now.getTime() - claimAbandonedAfterMs) },
});

export class ScheduledMessageRepository {
  constructor(private readonly db: Db) {}

  /**
   * Schedules a message at the first moment from `dueAt` on that suits the contact; false
   * when the same kind about the same subject is scheduled already.
   */
  async schedule(input: ScheduleInput): Promise<boolean> {
    const contact = await this.db.contact.findUnique({
      where: { id: input.contactId },
      select: { preferredTime: true },
    });
    const created = await this.db.scheduledMessage.createMany({
      data: [{ ...input, dueAt: placeForContact(input.dueAt, contact?.preferredTime) }],
      skipDuplicates: true,
    });
    return created.count === 1;
  }

  /**
   * Schedules a message on the channel the contact first reached Bloei on; false when the
   * contact has none any more, or the same message is scheduled already.
   */
  async scheduleFor(
    contactId: string,
    message: { kind: string; subject: string; dueAt: Date },
  ): Promise<boolean> {
    const identity = await this.db.channelIdentity.findFirst({
      where: { contactId },
      orderBy: { createdAt: 'asc' },
      select: { channel: true },
    });
    return identity ? this.schedule({ ...message, contactId, channel: identity.channel }) : false;
  }

  /** The message of these kinds most recently sent to a contact (what a reply answers). */
  async lastSent(contactId: string, kinds: readonly string[]): Promise<ScheduledRow | null> {
    return this.db.scheduledMessage.findFirst({
      where: { contactId, kind: { in: [...kinds] }, state: 'sent' },
      orderBy: [{ doneAt: 'desc' }, { dueAt: 'desc' }],
      select: {
        id: true,
        kind: true,
        channel: true,
        contactId: true,
        subject: true,
        dueAt: true,
        state: true,
      },
    });
  }

  /** What will go out, soonest first. */
  async list(filter: ScheduleFilter = {}, take = 10_000): Promise<ScheduledRow[]> {
    return this.db.scheduledMessage.findMany({
      where: {
        state: { in: [...(filter.states ?? ['pending'])] },
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.from || filter.to
          ? {
              dueAt: {
                ...(filter.from ? { gte: filter.from } : {}),
                ...(filter.to ? { lt: filter.to } : {}),
              },
            }
          : {}),
      },
      select: {
        id: true,
        kind: true,
        channel: true,
        contactId: true,
        subject: true,
        dueAt: true,
        state: true,
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** Pending messages whose time has come, with the identity on their channel. */
  async due(now: Date, take = 100): Promise<DueScheduled[]> {
    const rows = await this.db.scheduledMessage.findMany({
      where: { dueAt: { lte: now }, OR: [{ state: 'pending' }, abandonedClaim(now)] },
      include: { contact: { include: { identities: true } } },
      orderBy: { dueAt: 'asc' },
      take,
    });
    return rows.map(({ contact, ...row }) => {
      const identity = contact.identities.find((i) => i.channel === row.channel);
      return {
        ...row,
        identity: identity ? { channel: identity.channel, externalId: identity.externalId } : null,
        preferredTime: contact.preferredTime,
        language: contact.language,
      };
    });
  }

  /** Moves a pending message to a later time (outside the contact's hours when it was due). */
  async postpone(id: string, dueAt: Date): Promise<boolean> {
    const moved = await this.db.scheduledMessage.updateMany({
      where: { id, state: 'pending' },
      data: { dueAt },
    });
    return moved.count === 1;
  }

  /**
   * Moves what is pending for a contact into the part of the day they now prefer; returns
   * how many moved.
   */
  async replaceForContact(contactId: string, preferred: string | null): Promise<number> {
    const pending = await this.db.scheduledMessage.findMany({
      where: { contactId, state: 'pending' },
      select: { id: true, dueAt: true },
    });
    let moved = 0;
    for (const row of pending) {
      const dueAt = replaceForContact(row.dueAt, preferred);
      if (dueAt.getTime() !== row.dueAt.getTime() && (await this.postpone(row.id, dueAt))) {
        moved += 1;
      }
    }
    return moved;
  }

  /**
   * Claims a message for sending, or takes over a claim left behind (see `claimAbandonedAfterMs`);
   * false when another worker did first.
   */
  async claim(id: string, now: Date): Promise<boolean> {
    const claimed = await this.db.scheduledMessage.updateMany({
      where: { id, OR: [{ state: 'pending' }, abandonedClaim(now)] },
      data: { state: 'sending', claimedAt: now },
    });
    return claimed.count === 1;
  }

  async finish(id: string, state: 'sent' | 'skipped', at: Date): Promise<void> {
    await this.db.scheduledMessage.updateMany({
      where: { id, state: 'sending' },
      data: { state, doneAt: at },
    });
  }

  /** Cancels what is pending about a subject (a match that ended), for everyone. */
  async cancelAbout(subjectPrefix: string, at: Date): Promise<number> {
    const cancelled = await this.db.scheduledMessage.updateMany({
      where: { state: 'pending', subject: { startsWith: subjectPrefix } },
      data: { state: 'cancelled', doneAt: at },
    });
    return cancelled.count;
  }

  /** Cancels what is pending for a contact (STOP, opt-out, a blocked bot). */
  async cancelPending(
    contactId: string,
    at: Date,
    where: { kind?: string; subjectPrefix?: string } = {},
  ): Promise<number> {
    const cancelled = await this.db.scheduledMessage.updateMany({
      where: {
        contactId,
        state: 'pending',
        ...(where.kind ? { kind: where.kind } : {}),
        ...(where.subjectPrefix ? { subject: { startsWith: where.subjectPrefix } } : {}),
      },
      data: { state: 'cancelled', doneAt: at },
    });
    return cancelled.count;
  }
}
