/**
 * The reads of the WIJ match board: open sign-ups (oldest first) of a wijk, or of every wijk,
 * optionally of one category; recent matches; and one match for judging it.
 */
import type { PrismaClient } from '../prisma-client.js';
import { realResident } from './real-residents.js';

export interface OpenSignUp {
  id: string;
  /** The resident's id: to keep her from being paired with herself. */
  residentId: string;
  kind: string;
  category: string;
  description: string;
  availability: string[];
  mobility: string | null;
  wijk: string | null;
  residentName: string | null;
  createdAt: Date;
}

export interface RecentMatch {
  id: string;
  kind: string;
  /** The residents' first names (null: no name given) and the ontwikkelplaats, in order. */
  first: { residentName: string | null } | null;
  second: { residentName: string | null } | null;
  ontwikkelplaats: string | null;
  recordedAt: Date;
  lasting: boolean | null;
}

const where = (wijk: string | null) => (wijk === null ? {} : { wijk });

export async function findOpenSignUps(
  prisma: PrismaClient,
  wijk: string | null,
  category: string | null = null,
): Promise<OpenSignUp[]> {
  const rows = await prisma.signUp.findMany({
    // Not a test resident's: nobody is matched with staff trying Bloei out.
    where: {
      status: 'open',
      contact: realResident,
      ...where(wijk),
      ...(category === null ? {} : { category }),
    },
    orderBy: { createdAt: 'asc' },
    take: 500,
    include: { contact: { select: { firstName: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    residentId: s.contactId,
    kind: s.kind,
    category: s.category,
    description: s.description,
    availability: s.availability,
    mobility: s.mobility,
    wijk: s.wijk,
    residentName: s.contact.firstName,
    createdAt: s.createdAt,
  }));
}

export async function findRecentMatches(
  prisma: PrismaClient,
  wijk: string | null,
): Promise<RecentMatch[]> {
  const side = { include: { contact: { select: { firstName: true } } } };
  const rows = await prisma.match.findMany({
    where: where(wijk),
    orderBy: { recordedAt: 'desc' },
    take: 50,
    include: { first: side, second: side },
  });
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    first: m.first && { residentName: m.first.contact.firstName },
    second: m.second && { residentName: m.second.contact.firstName },
    ontwikkelplaats: m.ontwikkelplaats,
    recordedAt: m.recordedAt,
    lasting: m.lasting,
  }));
}

/** A match's id and wijk, to check who may judge it. */
export async function findMatch(
  prisma: PrismaClient,
  id: string,
): Promise<{ id: string; wijk: string | null } | null> {
  return prisma.match.findUnique({ where: { id }, select: { id: true, wijk: true } });
}
