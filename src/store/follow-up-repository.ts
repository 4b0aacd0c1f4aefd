/**
 * One-year follow-ups: what is due (the database decides, by `stage` and `nextAt`), the claim
 * a worker takes on a stage before sending it, moving on to the next stage, and claims left
 * by a worker that stopped.
 */
import type { Db } from './db.js';
import { Prisma } from './generated/client.js';

export interface FollowUpContact {
  id: string;
  status: string;
  wijk: string | null;
  identity: { channel: string; externalId: string } | null;
}

export interface FollowUpWithContact {
  id: string;
  stage: string;
  sentAt: Date | null;
  sendingStage: string | null;
  sendingSince: Date | null;
  contact: FollowUpContact;
}

/** The columns a stage moves on with (see FollowUpDelivery). */
export type FollowUpUpdate = Partial<{
  status: string;
  stage: string;
  nextAt: Date;
  sentAt: Date;
  closedAt: Date;
  remindersSent: number;
  uncertainStage: string;
}>;

const withContact = {
  enrolment: {
    include: {
      contact: { include: { identities: { take: 1, orderBy: { createdAt: 'asc' as const } } } },
    },
  },
};

type Row = {
  id: string;
  stage: string;
  sentAt: Date | null;
  sendingStage: string | null;
  sendingSince: Date | null;
  enrolment: {
    contact: {
      id: string;
      status: string;
      wijk: string | null;
      identities: { channel: string; externalId: string }[];
    };
  };
};

function shape(r: Row): FollowUpWithContact {
  const { contact } = r.enrolment;
  const identity = contact.identities[0];
  return {
    id: r.id,
    stage: r.stage,
    sentAt: r.sentAt,
    sendingStage: r.sendingStage,
    sendingSince: r.sendingSince,
    contact: {
      id: contact.id,
      status: contact.status,
      wijk: contact.wijk,
      identity: identity ? { channel: identity.channel, externalId: identity.externalId } : null,
    },
  };
}

export class FollowUpRepository {
  constructor(private readonly db: Db) {}

  /** Stages due at `now` that nobody is sending, with the channel they go out on. */
  async due(now: Date, take: number): Promise<{ id: string; stage: string; channel: string }[]> {
    const rows = await this.db.followUp.findMany({
      where: { stage: { not: 'done' }, nextAt: { lte: now }, sendingStage: null },
      select: {
        id: true,
        stage: true,
        enrolment: {
          select: { contact: { select: { identities: { select: { channel: true }, take: 1 } } } },
        },
      },
      orderBy: { nextAt: 'asc' },
      take,
    });
    return rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      channel: r.enrolment.contact.identities[0]?.channel ?? 'none',
    }));
  }

  /**
   * Claims a due stage for sending; false when it is not due or someone else holds it. One
   * statement (a broadcast claims thousands): no transaction around it.
   */
  async claim(id: string, stage: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const claimed = await this.db.$executeRaw`
      UPDATE "FollowUp" SET "sendingStage" = ${stage}, "sendingSince" = ${at}::timestamp(3)
      WHERE "id" = ${id} AND "stage" = ${stage} AND "sendingStage" IS NULL
        AND "nextAt" <= ${at}::timestamp(3)`;
    return claimed === 1;
  }

  async get(id: string): Promise<FollowUpWithContact | null> {
    const row = await this.db.followUp.findUnique({ where: { id }, include: withContact });
    return row ? shape(row) : null;
  }

  /**
   * Moves on from a stage and lets go of the claim; when it was answered or cancelled
   * meanwhile, only lets go. One statement, no transaction around it.
   */
  async finish(id: string, data: FollowUpUpdate): Promise<void> {
    const time = (d: Date | undefined) => d?.toISOString() ?? null;
    const open = Prisma.sql`"stage" <> 'done'`;
    await this.db.$executeRaw`
      UPDATE "FollowUp" SET
        "status" = CASE WHEN ${open} THEN COALESCE(${data.status ?? null}, "status") ELSE "status" END,
        "stage" = CASE WHEN ${open} THEN COALESCE(${data.stage ?? null}, "stage") ELSE "stage" END,
        "nextAt" = CASE WHEN ${open}
          THEN COALESCE(${time(data.nextAt)}::timestamp(3), "nextAt") ELSE "nextAt" END,
        "sentAt" = CASE WHEN ${open}
          THEN COALESCE(${time(data.sentAt)}::timestamp(3), "sentAt") ELSE "sentAt" END,
        "closedAt" = CASE WHEN ${open}
          THEN COALESCE(${time(data.closedAt)}::timestamp(3), "closedAt") ELSE "closedAt" END,
        "remindersSent" = CASE WHEN ${open}
          THEN COALESCE(${data.remindersSent ?? null}::int, "remindersSent") ELSE "remindersSent" END,
        "uncertainStage" = CASE WHEN ${open}
          THEN COALESCE(${data.uncertainStage ?? null}, "uncertainStage") ELSE "uncertainStage" END,
        "sendingStage" = NULL, "sendingSince" = NULL, "updatedAt" = now()
      WHERE "id" = ${id}`;
  }

  /** Claims taken before `before`: their worker is gone. */
  async staleClaims(before: Date): Promise<FollowUpWithContact[]> {
    const rows = await this.db.followUp.findMany({
      where: { sendingStage: { not: null }, sendingSince: { lt: before } },
      include: withContact,
    });
    return rows.map(shape);
  }

  /** Settles a stale claim on `stage`, with what the stage moves on to. */
  async settleClaim(id: string, stage: string, data: FollowUpUpdate): Promise<void> {
    await this.db.followUp.updateMany({
      where: { id, sendingStage: stage },
      data: { ...data, sendingStage: null, sendingSince: null },
    });
  }
}
