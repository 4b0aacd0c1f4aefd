/**
 * The records the registration system (Wijs) takes over from Bloei: talentenscans, WIJ match
 * sign-ups, matches, hand-offs and check-ins, each under its own id, so a second export of the
 * same period updates rows in Wijs instead of adding them again. Only residents whose latest
 * word on registration is yes, never test residents (real-residents.ts); a forgotten
 * resident's rows are gone, and a match one of whose residents was forgotten is left out.
 * Rows fall in the period by when they began: a scan finished, a sign-up made, a match
 * recorded, a hand-off raised, a check-in's first answer.
 */
import type { AnswerValue } from '../../flows/state.js';
import type { PrismaClient } from '../prisma-client.js';
import type { Period } from './month-period.js';
import { realMatch, realResident } from './real-residents.js';

export const exportKinds = ['scans', 'signups', 'matches', 'handoffs', 'checkins'] as const;
export type ExportKind = (typeof exportKinds)[number];

export interface ExportFilter {
  period: Period;
  /** Null: every wijk, and rows without a wijk. */
  wijk: string | null;
}

/** The resident a row is about, as far as registration needs her. */
export interface ExportResident {
  id: string;
  firstName: string | null;
  language: string;
}

export interface ScanRow {
  id: string;
  resident: ExportResident;
  wijk: string | null;
  completedAt: Date;
  answers: Record<string, AnswerValue>;
  contactWish: boolean;
}

export interface SignUpRow {
  id: string;
  resident: ExportResident;
  wijk: string | null;
  createdAt: Date;
  kind: string;
  status: string;
  matchKind: string | null;
  matchedAt: Date | null;
  closedAt: Date | null;
  answers: Record<string, AnswerValue>;
}

export interface MatchRow {
  id: string;
  kind: string;
  wijk: string | null;
  category: string | null;
  recordedAt: Date;
  recordedBy: string | null;
  /** The sign-ups matched, each with its resident, in order (offer first). */
  sides: { signUpId: string; resident: ExportResident }[];
  ontwikkelplaats: string | null;
  lasting: boolean | null;
  lastingJudgedAt: Date | null;
}

export interface HandoffRow {
  id: string;
  number: number;
  resident: ExportResident;
  wijk: string | null;
  createdAt: Date;
  reason: string;
  urgency: string;
  status: string;
  claimedBy: string | null;
  claimedAt: Date | null;
  closedAt: Date | null;
}

export interface CheckInRow {
  /** The run's id: one check-in. */
  id: string;
  resident: ExportResident;
  wijk: string | null;
  startedAt: Date;
  answers: Record<string, AnswerValue>;
}

/** Residents of these many sign-ups take part in a match of each kind. */
const residentSides: Record<string, number> = {
  'inwoner-inwoner': 2,
  'inwoner-ontwikkelplaats': 1,
  'ontwikkelplaats-ontwikkelplaats': 0,
};

/** A contact with registration consent at some time; `consented` checks it still stands. */
const mayRegister = {
  ...realResident,
  consents: { some: { purpose: 'registration', granted: true } },
};

const residentFields = {
  select: {
    id: true,
    firstName: true,
    language: true,
    consents: {
      where: { purpose: 'registration' },
      orderBy: { recordedAt: 'desc' as const },
      take: 1,
      select: { granted: true },
    },
  },
};

type ContactWithConsent = {
  id: string;
  firstName: string | null;
  language: string;
  consents: { granted: boolean }[];
};

/** The latest word on registration is yes. */
const consented = (contact: ContactWithConsent) => contact.consents[0]?.granted === true;

const residentOf = ({ id, firstName, language }: ContactWithConsent): ExportResident => ({
  id,
  firstName,
  language,
});

const inPeriod = ({ period }: ExportFilter) => ({ gte: period.gte, lt: period.lt });

export async function findScanRows(prisma: PrismaClient, filter: ExportFilter) {
  const wijk = filter.wijk;
  const rows = await prisma.talentProfile.findMany({
    where: {
      completedAt: inPeriod(filter),
      contact: mayRegister,
      ...(wijk ? { OR: [{ wijk }, { wijk: null, contact: { wijk } }] } : {}),
    },
    orderBy: { completedAt: 'asc' },
    include: { contact: { select: { ...residentFields.select, wijk: true } } },
  });
  return rows
    .filter((p) => consented(p.contact))
    .map((p): ScanRow => ({
      id: p.id,
      resident: residentOf(p.contact),
      wijk: p.wijk ?? p.contact.wijk,
      completedAt: p.completedAt,
      contactWish: p.contactWish,
      answers: compact({
        energy: p.energy,
        skills: p.skills,
        interests: p.interests,
        forOthers: p.forOthers,
        ownWish: p.ownWish,
        time: p.time,
        mobility: p.mobility,
        dutchComfort: p.dutchComfort,
        correction: p.correction,
        directions: p.directions,
      }),
    }));
}

export async function findSignUpRows(prisma: PrismaClient, filter: ExportFilter) {
  const rows = await prisma.signUp.findMany({
    where: {
      createdAt: inPeriod(filter),
      contact: mayRegister,
      ...(filter.wijk ? { wijk: filter.wijk } : {}),
    },
    orderBy: { createdAt: 'asc' },
    include: { contact: residentFields },
  });
  return rows
    .filter((s) => consented(s.contact))
    .map((s): SignUpRow => ({
      id: s.id,
      resident: residentOf(s.contact),
      wijk: s.wijk,
      createdAt: s.createdAt,
      kind: s.kind,
      status: s.status,
      matchKind: s.matchKind,
      matchedAt: s.matchedAt,
      closedAt: s.closedAt,
      answers: compact({
        category: s.category,
        description: s.description,
        helperGain: s.helperGain,
        availability: s.availability,
        mobility: s.mobility,
        contactPreference: s.contactPreference,
        correction: s.correction,
      }),
    }));
}

export async function findMatchRows(prisma: PrismaClient, filter: ExportFilter) {
  const side = { include: { contact: residentFields } };
  const rows = await prisma.match.findMany({
    where: {
      recordedAt: inPeriod(filter),
      ...(filter.wijk ? { wijk: filter.wijk } : {}),
      ...realMatch,
    },
    orderBy: { recordedAt: 'asc' },
    include: { first: side, second: side, recordedBy: { select: { name: true } } },
  });
  return rows.flatMap((m): MatchRow[] => {
    const sides = [m.first, m.second].filter((s) => s !== null);
    const everyone =
      sides.length === (residentSides[m.kind] ?? sides.length) &&
      sides.every((s) => consented(s.contact));
    if (!everyone) return [];
    return [
      {
        id: m.id,
        kind: m.kind,
        wijk: m.wijk,
        category: m.category,
        recordedAt: m.recordedAt,
        recordedBy: m.recordedBy?.name ?? null,
        sides: sides.map((s) => ({ signUpId: s.id, resident: residentOf(s.contact) })),
        ontwikkelplaats: m.ontwikkelplaats,
        lasting: m.lasting,
        lastingJudgedAt: m.lastingJudgedAt,
      },
    ];
  });
}

export async function findHandoffRows(prisma: PrismaClient, filter: ExportFilter) {
  const rows = await prisma.handoff.findMany({
    where: {
      createdAt: inPeriod(filter),
      contact: mayRegister,
      ...(filter.wijk ? { wijk: filter.wijk } : {}),
    },
    orderBy: { createdAt: 'asc' },
    include: { contact: residentFields, claimedBy: { select: { name: true } } },
  });
  return rows
    .filter((h) => consented(h.contact))
    .map((h): HandoffRow => ({
      id: h.id,
      number: h.number,
      resident: residentOf(h.contact),
      wijk: h.wijk,
      createdAt: h.createdAt,
      reason: h.reason,
      urgency: h.urgency,
      status: h.status,
      claimedBy: h.claimedBy?.name ?? null,
      claimedAt: h.claimedAt,
      closedAt: h.closedAt,
    }));
}

export async function findCheckInRows(prisma: PrismaClient, filter: ExportFilter) {
  const contact = { ...mayRegister, ...(filter.wijk ? { wijk: filter.wijk } : {}) };
  const runs = await prisma.answer.groupBy({
    by: ['runId'],
    where: { flowId: 'checkIn', contact },
    _min: { answeredAt: true },
    having: { answeredAt: { _min: inPeriod(filter) } },
  });
  if (runs.length === 0) return [];
  const answers = await prisma.answer.findMany({
    where: { runId: { in: runs.map((r) => r.runId) }, flowId: 'checkIn' },
    orderBy: { answeredAt: 'asc' },
    include: { contact: { select: { ...residentFields.select, wijk: true } } },
  });
  const byRun = new Map<string, CheckInRow>();
  for (const a of answers) {
    if (!consented(a.contact)) continue;
    const row = byRun.get(a.runId) ?? {
      id: a.runId,
      resident: residentOf(a.contact),
      wijk: a.contact.wijk,
      startedAt: a.answeredAt,
      answers: {},
    };
    row.answers[a.name] = a.value as AnswerValue;
    byRun.set(a.runId, row);
  }
  return [...byRun.values()];
}

/** The answers that were given: null and empty lists left out. */
function compact(
  answers: Record<string, string | number | string[] | null>,
): Record<string, AnswerValue> {
  return Object.fromEntries(
    Object.entries(answers).filter(
      (entry): entry is [string, AnswerValue] =>
        entry[1] !== null && !(Array.isArray(entry[1]) && entry[1].length === 0),
    ),
  );
}
