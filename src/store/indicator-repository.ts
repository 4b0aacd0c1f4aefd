/**
 * What the Buurt in Bloei indicators are counted from, for a period and a wijk (null: every
 * wijk): answers with an indicator, the anonymous counts of residents forgotten since,
 * matches, talentenscans, sign-ups, check-ins and trainees' ladder steps. Test residents
 * (staff trying Bloei in the browser) are never counted.
 */
import type { Db } from './db.js';
import { realMatch, realResident } from './finders/real-residents.js';

export interface Period {
  gte: Date;
  lt: Date;
}

export class IndicatorRepository {
  constructor(private readonly db: Db) {}

  private inWijk(wijk: string | null) {
    return { contact: { ...realResident, ...(wijk ? { wijk } : {}) } };
  }

  answers(period: Period, wijk: string | null) {
    return this.db.answer.findMany({
      where: { indicator: { not: null }, answeredAt: period, ...this.inWijk(wijk) },
      select: { indicator: true, value: true },
    });
  }

  /** Counts kept for forgotten residents, for months `from`…`to` (`YYYY-MM`). */
  tallies(from: string, to: string, wijk: string | null) {
    return this.db.anonymousTally.findMany({
      where: { month: { gte: from, lte: to }, ...(wijk ? { wijk } : {}) },
    });
  }

  /** Matches whose lasting was judged in the period, by outcome. */
  async judgedMatches(period: Period, wijk: string | null) {
    const rows = await this.db.match.groupBy({
      by: ['lasting'],
      where: {
        ...realMatch,
        ...(wijk ? { wijk } : {}),
        lasting: { not: null },
        lastingJudgedAt: period,
      },
      _count: { _all: true },
    });
    return rows.map((r) => ({ lasting: r.lasting, count: r._count._all }));
  }

  async matchesByKind(period: Period, wijk: string | null) {
    const rows = await this.db.match.groupBy({
      by: ['kind'],
      where: { ...realMatch, ...(wijk ? { wijk } : {}), recordedAt: period },
      _count: { _all: true },
    });
    return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
  }

  talentenscans(period: Period, wijk: string | null) {
    return this.db.talentProfile.count({
      where: {
        completedAt: period,
        contact: realResident,
        ...(wijk ? { OR: [{ wijk }, { wijk: null, contact: { wijk } }] } : {}),
      },
    });
  }

  async signUpsByKind(period: Period, wijk: string | null) {
    const rows = await this.db.signUp.groupBy({
      by: ['kind'],
      where: { createdAt: period, contact: realResident, ...(wijk ? { wijk } : {}) },
      _count: { _all: true },
    });
    return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
  }

  async checkIns(period: Period, wijk: string | null): Promise<number> {
    const runs = await this.db.answer.findMany({
      where: { flowId: 'checkIn', answeredAt: period, ...this.inWijk(wijk) },
      distinct: ['runId'],
      select: { runId: true },
    });
    return runs.length;
  }

  /** Answered follow-ups with the trainee's ladder step at the start and now, and cohort. */
  ladderSteps(period: Period, wijk: string | null) {
    return this.db.followUp.findMany({
      where: {
        ladderNow: { not: null },
        answeredAt: period,
        enrolment: { ladderStart: { not: null }, ...this.inWijk(wijk) },
      },
      select: {
        ladderNow: true,
        enrolment: {
          select: { ladderStart: true, cohort: { select: { name: true, training: true } } },
        },
      },
    });
  }
}
