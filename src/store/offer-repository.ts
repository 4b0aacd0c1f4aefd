/**
 * The sociale kaart in the database: offers with their translations, the wijken's borders,
 * residents' choices and the anonymous counts of those choices. Implements the kaart's
 * `OfferStore` port, plus the reads the indicator page needs.
 */
import { randomUUID } from 'node:crypto';
import {
  translatableFields,
  type Offer,
  type OfferData,
  type OfferKind,
  type OfferTraining,
  type TimeNeed,
} from '../kaart/offer.js';
import type { NudgeChat, NudgeDirectory } from '../kaart/kaart-maintenance.js';
import type { OfferStore, OfferWrite, StaffRef } from '../kaart/offer-store.js';
import type { NudgeRecipient } from '../kaart/plan-stale-nudges.js';
import { neighboursFrom, type WijkNeighbours } from '../kaart/wijk-reach.js';
import type { Prisma, PrismaClient } from './generated/client.js';

type OfferRecord = Prisma.OfferGetPayload<{ include: { translations: true } }>;

/** "go": the resident wants to go (a verbinder goes along); "details": sent as a card. */
export type OfferChoiceAction = 'go' | 'details';

export interface OfferChoiceInput {
  contactId: string;
  offerId: string;
  action: OfferChoiceAction;
  /** The resident's wijk, for the count; null when unknown. */
  wijk: string | null;
  at: Date;
}

export interface OfferChoiceTotal {
  offerId: string;
  name: string;
  /** The offer's wijk (or "all"). */
  wijk: string;
  /** A resident's choice, or `match`: a WIJ match a verbinder recorded with the offer. */
  action: OfferChoiceAction | 'match';
  count: number;
}

export class PrismaOfferRepository implements OfferStore, NudgeDirectory {
  constructor(private readonly prisma: PrismaClient) {}

  async listOffers(): Promise<Offer[]> {
    const records = await this.prisma.offer.findMany({
      include: { translations: true },
      orderBy: [{ wijk: 'asc' }, { name: 'asc' }],
    });
    return records.map(toOffer);
  }

  async wijkIds(): Promise<string[]> {
    const wijken = await this.prisma.wijk.findMany({
      select: { id: true },
      orderBy: { sortOrder: 'asc' },
    });
    return wijken.map((w) => w.id);
  }

  staff(): Promise<StaffRef[]> {
    return this.prisma.verbinder.findMany({
      select: { id: true, login: true, role: true, wijkId: true, active: true },
      orderBy: { id: 'asc' },
    });
  }

  async neighbours(): Promise<WijkNeighbours> {
    return neighboursFrom(await this.prisma.wijkNeighbour.findMany());
  }

  /**
   * New offers in one statement and their translations in one more; each update is one
   * statement, then all their translations are replaced at once. A new offer whose name and
   * wijk another import created a moment ago fails the whole transaction: nothing is stored.
   */
  async saveOffers(writes: readonly OfferWrite[]): Promise<void> {
    const rows = writes.map((write) => ({ ...write, id: write.id ?? randomUUID() }));
    const created = rows.filter((_, i) => writes[i]!.id === null);
    const updated = rows.filter((_, i) => writes[i]!.id !== null);
    await this.prisma.$transaction(
      async (tx) => {
        await tx.offer.createMany({
          data: created.map(({ id, data }) => ({ ...toRecord(data), id })),
        });
        for (const { id, data } of updated) {
          await tx.offer.update({ where: { id }, data: toRecord(data) });
        }
        await tx.offerTranslation.deleteMany({
          where: { offerId: { in: updated.map((r) => r.id) } },
        });
        await tx.offerTranslation.createMany({
          data: rows.flatMap(({ id, data }) =>
            Object.entries(data.translations).map(([language, texts]) => ({
              offerId: id,
              language,
              description: texts.description ?? null,
              schedule: texts.schedule ?? null,
              location: texts.location ?? null,
              volunteerTask: texts.volunteerTask ?? null,
            })),
          ),
        });
      },
      { maxWait: 30_000, timeout: 300_000 },
    );
  }

  async markNudged(offerIds: readonly string[], at: Date): Promise<void> {
    await this.prisma.offer.updateMany({
      where: { id: { in: [...offerIds] } },
      data: { nudgedAt: at },
    });
  }

  async confirmStillCorrect(offerId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.offer.updateMany({
      where: { id: offerId },
      data: { checkedAt: at },
    });
    return count > 0;
  }

  async setActive(offerId: string, active: boolean): Promise<boolean> {
    const { count } = await this.prisma.offer.updateMany({
      where: { id: offerId },
      data: { active },
    });
    return count > 0;
  }

  async kaartVersion(): Promise<string> {
    const { _count, _max } = await this.prisma.offer.aggregate({
      _count: { _all: true },
      _max: { updatedAt: true },
    });
    return `${_count._all}:${_max.updatedAt?.toISOString() ?? '-'}`;
  }

  /** The owner's linked chat; the coordinators' when the owner has none or nobody owns them. */
  async nudgeChats(recipient: NudgeRecipient): Promise<NudgeChat[]> {
    const linked = { active: true, linkedAt: { not: null }, channel: { not: null } };
    const select = { language: true, channel: true, externalId: true };
    const chat =
      (owner: boolean) =>
      (v: { language: string; channel: string | null; externalId: string | null }) =>
        v.channel && v.externalId
          ? [{ language: v.language, channel: v.channel, externalId: v.externalId, owner }]
          : [];
    if (recipient.kind === 'owner') {
      const owner = await this.prisma.verbinder.findFirst({
        where: { id: recipient.verbinderId, ...linked },
        select,
      });
      if (owner?.externalId) return chat(true)(owner);
    }
    const coordinators = await this.prisma.verbinder.findMany({
      where: { role: 'coordinator', ...linked },
      select,
      orderBy: { id: 'asc' },
    });
    return coordinators.flatMap(chat(false));
  }

  /** Wijk ids to their names, to name an offer's wijk. */
  async wijkNames(): Promise<Map<string, string>> {
    const wijken = await this.prisma.wijk.findMany({ select: { id: true, name: true } });
    return new Map(wijken.map((w) => [w.id, w.name]));
  }

  /** Active ontwikkelplaatsen per wijk ("all" for city-wide): a KPI the evaluation names. */
  async activeOntwikkelplaatsenPerWijk(): Promise<{ wijk: string; count: number }[]> {
    const groups = await this.prisma.offer.groupBy({
      by: ['wijk'],
      where: { kind: 'ontwikkelplaats', active: true },
      _count: { _all: true },
      orderBy: { wijk: 'asc' },
    });
    return groups.map((g) => ({ wijk: g.wijk, count: g._count._all }));
  }

  /**
   * Which offers residents chose in the months `from`…`to` (`YYYY-MM`, inclusive), optionally
   * only residents of some wijken: from the anonymous counts, so forgotten residents count too.
   */
  async offerChoiceTotals(range: {
    from: string;
    to: string;
    wijken?: readonly string[];
  }): Promise<OfferChoiceTotal[]> {
    const groups = await this.prisma.offerChoiceCount.groupBy({
      by: ['offerId', 'action'],
      where: {
        month: { gte: range.from, lte: range.to },
        ...(range.wijken ? { wijk: { in: [...range.wijken] } } : {}),
      },
      _sum: { count: true },
    });
    return this.named(
      groups.map((g) => ({
        offerId: g.offerId,
        action: g.action as OfferChoiceAction,
        count: g._sum.count ?? 0,
      })),
    );
  }

  /**
   * WIJ matches recorded with an offer of the kaart in the months `from`…`to` (`YYYY-MM`,
   * inclusive, UTC), optionally only matches of some wijken: matches per place.
   */
  async offerMatchTotals(range: {
    from: string;
    to: string;
    wijken?: readonly string[];
  }): Promise<OfferChoiceTotal[]> {
    const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
    const groups = await this.prisma.match.groupBy({
      by: ['offerId'],
      where: {
        offerId: { not: null },
        recordedAt: {
          gte: new Date(`${range.from}-01T00:00:00Z`),
          lt: new Date(Date.UTC(toYear, toMonth, 1)),
        },
        ...(range.wijken ? { wijk: { in: [...range.wijken] } } : {}),
      },
      _count: { _all: true },
    });
    return this.named(
      groups.map((g) => ({ offerId: g.offerId!, action: 'match' as const, count: g._count._all })),
    );
  }

  /** Adds each offer's name and wijk, most counted first. */
  private async named(
    totals: Omit<OfferChoiceTotal, 'name' | 'wijk'>[],
  ): Promise<OfferChoiceTotal[]> {
    const offers = await this.prisma.offer.findMany({
      where: { id: { in: totals.map((t) => t.offerId) } },
      select: { id: true, name: true, wijk: true },
    });
    const byId = new Map(offers.map((o) => [o.id, o]));
    return totals
      .map((t) => ({
        ...t,
        name: byId.get(t.offerId)?.name ?? '',
        wijk: byId.get(t.offerId)?.wijk ?? '',
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
  }
}

/**
 * Records that a resident chose an offer: the personal choice (erased with the contact) and,
 * in the same transaction, the anonymous monthly count the indicator reads.
 */
export async function recordOfferChoice(
  tx: Prisma.TransactionClient,
  choice: OfferChoiceInput,
): Promise<void> {
  await tx.offerChoice.create({
    data: {
      contactId: choice.contactId,
      offerId: choice.offerId,
      action: choice.action,
      chosenAt: choice.at,
    },
  });
  const key = {
    offerId: choice.offerId,
    month: choice.at.toISOString().slice(0, 7),
    wijk: choice.wijk ?? '',
    action: choice.action,
  };
  await tx.offerChoiceCount.upsert({
    where: { offerId_month_wijk_action: key },
    create: { ...key, count: 1 },
    update: { count: { increment: 1 } },
  });
}

function toOffer(record: OfferRecord): Offer {
  return {
    id: record.id,
    name: record.name,
    wijk: record.wijk,
    kind: record.kind as OfferKind,
    training: record.training as OfferTraining | null,
    interests: record.interests,
    description: record.description,
    schedule: record.schedule,
    location: record.location,
    contact: record.contact,
    languages: record.languages,
    volunteerTask: record.volunteerTask,
    timeNeeded: record.timeNeeded as TimeNeed | null,
    wheelchair: record.wheelchair,
    busStop: record.busStop,
    fromHome: record.fromHome,
    nextStart: record.nextStart ? record.nextStart.toISOString().slice(0, 10) : null,
    active: record.active,
    ownerId: record.ownerId,
    checkedAt: record.checkedAt,
    nudgedAt: record.nudgedAt,
    translations: Object.fromEntries(
      record.translations.map((t) => [
        t.language,
        Object.fromEntries(
          translatableFields
            .filter((field) => t[field] !== null)
            .map((field) => [field, t[field]!]),
        ),
      ]),
    ),
  };
}

function toRecord(data: OfferData): Prisma.OfferCreateManyInput {
  return {
    name: data.name,
    wijk: data.wijk,
    kind: data.kind,
    training: data.training,
    interests: data.interests,
    description: data.description,
    schedule: data.schedule,
    location: data.location,
    contact: data.contact,
    languages: data.languages,
    volunteerTask: data.volunteerTask,
    timeNeeded: data.timeNeeded,
    wheelchair: data.wheelchair,
    busStop: data.busStop,
    fromHome: data.fromHome,
    // A calendar day: stored as a DATE, which Prisma hands over as UTC midnight.
    nextStart: data.nextStart ? new Date(`${data.nextStart}T00:00:00Z`) : null,
    active: data.active,
    ownerId: data.ownerId,
    checkedAt: data.checkedAt,
  };
}
