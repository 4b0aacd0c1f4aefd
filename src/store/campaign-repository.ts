/**
 * Campaigns: one message to many residents. Who gets it is fixed when it starts, one
 * `CampaignRecipient` row each, unique per campaign, written in the same transaction as the
 * resident's `ScheduledMessage`; so starting again after a crash adds only who is missing and
 * nobody gets it twice. The sending itself is the scheduled messages' (claimed before sent),
 * stopping cancels what is still pending.
 */
import { placeForContact } from '../schedule/contact-window.js';
import type { Db } from './db.js';
import type { Prisma } from './generated/client.js';

export const campaignKinds = ['checkIn', 'message'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const audienceKinds = ['wijk', 'cohort', 'consent'] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/** Who a campaign goes to: the residents of a wijk, a cohort, or with a given consent. */
export interface Audience {
  audience: AudienceKind;
  /** The wijk id, cohort id or name, or consent purpose. */
  audienceValue: string;
}

export interface CampaignSpec extends Audience {
  name: string;
  kind: CampaignKind;
  /** The free message per language; null for a check-in. */
  texts: Record<string, string> | null;
  startAt: Date;
  createdBy?: string | null;
}

export interface CampaignRow extends CampaignSpec {
  id: string;
  status: string;
  createdAt: Date;
  stoppedAt: Date | null;
}

export interface AudienceMember {
  contactId: string;
  channel: string;
  language: string;
  preferredTime: string | null;
}

/** How many a campaign reaches, in total and per language and channel. */
export interface AudienceCount {
  total: number;
  byLanguage: Record<string, number>;
  byChannel: Record<string, number>;
}

/** Where a running campaign is: its residents by the state of their message. */
export interface CampaignProgress {
  recipients: number;
  pending: number;
  sending: number;
  sent: number;
  skipped: number;
  cancelled: number;
}

/** The scheduled-message kind of each campaign kind (schedule/scheduled-kinds.ts). */
export const campaignScheduledKind: Record<CampaignKind, string> = {
  checkIn: 'campaignCheckIn',
  message: 'campaignMessage',
};

/** The subject of a campaign's scheduled messages. */
export const campaignSubject = (campaignId: string) => `campaign:${campaignId}`;

/** The campaign a scheduled message belongs to, from its subject. */
export function campaignOfSubject(subject: string): string | null {
  return /^campaign:(.+)$/.exec(subject)?.[1] ?? null;
}

export class CampaignRepository {
  constructor(private readonly db: Db) {}

  /** The active residents an audience means, each on the channel they first came on. */
  async audience({ audience, audienceValue }: Audience): Promise<AudienceMember[]> {
    const chosen: Prisma.ContactWhereInput =
      audience === 'wijk'
        ? { wijk: audienceValue }
        : audience === 'cohort'
          ? {
              enrolments: {
                some: { OR: [{ cohortId: audienceValue }, { cohort: { name: audienceValue } }] },
              },
            }
          : { consents: { some: { purpose: audienceValue, granted: true } } };
    const rows = await this.db.contact.findMany({
      where: { status: 'active', identities: { some: {} }, ...chosen },
      select: {
        id: true,
        language: true,
        preferredTime: true,
        identities: { orderBy: { createdAt: 'asc' }, take: 1, select: { channel: true } },
        // Only the latest word on the purpose counts: a consent withdrawn later does not.
        consents: {
          where: { purpose: audience === 'consent' ? audienceValue : '' },
          orderBy: { recordedAt: 'desc' },
          take: 1,
          select: { granted: true },
        },
      },
      orderBy: { createdAt: 'asc' },
    });
    return rows
      .filter((r) => audience !== 'consent' || r.consents[0]?.granted === true)
      .map((r) => ({
        contactId: r.id,
        channel: r.identities[0]!.channel,
        language: r.language,
        preferredTime: r.preferredTime,
      }));
  }

  /** The audience counted, for the preview before anything is sent. */
  async preview(audience: Audience): Promise<AudienceCount> {
    return countAudience(await this.audience(audience));
  }

  async create(spec: CampaignSpec): Promise<string> {
    const created = await this.db.campaign.create({
      data: {
        name: spec.name,
        kind: spec.kind,
        ...(spec.texts ? { texts: spec.texts } : {}),
        audience: spec.audience,
        audienceValue: spec.audienceValue,
        startAt: spec.startAt,
        createdBy: spec.createdBy ?? null,
      },
      select: { id: true },
    });
    return created.id;
  }

  async find(id: string): Promise<CampaignRow | null> {
    const row = await this.db.campaign.findUnique({ where: { id } });
    return row ? toRow(row) : null;
  }

  async findByName(name: string): Promise<CampaignRow | null> {
    const row = await this.db.campaign.findUnique({ where: { name } });
    return row ? toRow(row) : null;
  }

  /** Every campaign, newest first. */
  async list(take = 200): Promise<CampaignRow[]> {
    const rows = await this.db.campaign.findMany({ orderBy: { createdAt: 'desc' }, take });
    return rows.map(toRow);
  }

  /**
   * Enrols the members not enrolled yet, each with their message at the start time moved
   * into their own hours; returns how many were added. Run it on a store's transaction, so
   * a recipient and their message are written together or not at all.
   */
  async enrol(
    campaign: Pick<CampaignRow, 'id' | 'kind' | 'startAt'>,
    members: readonly AudienceMember[],
  ): Promise<number> {
    const fresh = await this.db.campaignRecipient.createManyAndReturn({
      data: members.map((m) => ({
        campaignId: campaign.id,
        contactId: m.contactId,
        channel: m.channel,
        language: m.language,
      })),
      skipDuplicates: true,
      select: { contactId: true },
    });
    const added = new Set(fresh.map((r) => r.contactId));
    await this.db.scheduledMessage.createMany({
      data: members
        .filter((m) => added.has(m.contactId))
        .map((m) => ({
          kind: campaignScheduledKind[campaign.kind],
          channel: m.channel,
          contactId: m.contactId,
          subject: campaignSubject(campaign.id),
          dueAt: placeForContact(campaign.startAt, m.preferredTime),
        })),
      skipDuplicates: true,
    });
    return fresh.length;
  }

  async progress(campaignId: string): Promise<CampaignProgress> {
    const [recipients, states] = await Promise.all([
      this.db.campaignRecipient.count({ where: { campaignId } }),
      this.db.scheduledMessage.groupBy({
        by: ['state'],
        where: { subject: campaignSubject(campaignId) },
        _count: { _all: true },
      }),
    ]);
    const progress: CampaignProgress = {
      recipients,
      pending: 0,
      sending: 0,
      sent: 0,
      skipped: 0,
      cancelled: 0,
    };
    for (const s of states) {
      if (s.state in progress) progress[s.state as keyof CampaignProgress] = s._count._all;
    }
    return progress;
  }

  /** The campaign's recipients counted per language and channel. */
  async recipientCount(campaignId: string): Promise<AudienceCount> {
    const rows = await this.db.campaignRecipient.findMany({
      where: { campaignId },
      select: { language: true, channel: true },
    });
    return countAudience(rows);
  }

  /** Stops a campaign: what is still pending is cancelled; returns how many. */
  async stop(campaignId: string, at: Date): Promise<number> {
    await this.db.campaign.updateMany({
      where: { id: campaignId, status: 'running' },
      data: { status: 'stopped', stoppedAt: at },
    });
    const cancelled = await this.db.scheduledMessage.updateMany({
      where: { subject: campaignSubject(campaignId), state: 'pending' },
      data: { state: 'cancelled', doneAt: at },
    });
    return cancelled.count;
  }

  /** The free message in `language`, else in Dutch, else in any language it has. */
  async messageText(campaignId: string, language: string): Promise<string | null> {
    const row = await this.db.campaign.findUnique({
      where: { id: campaignId },
      select: { texts: true },
    });
    const texts = (row?.texts ?? {}) as Record<string, string>;
    return texts[language] ?? texts.nl ?? Object.values(texts)[0] ?? null;
  }
}

function countAudience(members: readonly { language: string; channel: string }[]): AudienceCount {
  const count: AudienceCount = { total: members.length, byLanguage: {}, byChannel: {} };
  for (const m of members) {
    count.byLanguage[m.language] = (count.byLanguage[m.language] ?? 0) + 1;
    count.byChannel[m.channel] = (count.byChannel[m.channel] ?? 0) + 1;
  }
  return count;
}

function toRow(row: Prisma.CampaignGetPayload<object>): CampaignRow {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CampaignKind,
    texts: (row.texts ?? null) as Record<string, string> | null,
    audience: row.audience as AudienceKind,
    audienceValue: row.audienceValue,
    startAt: row.startAt,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    stoppedAt: row.stoppedAt,
  };
}
