/**
 * The reads of the hand-off inbox: a list per status, urgent first and then oldest, and one
 * hand-off with what a verbinder needs to act on it. Plain data, ready for the views.
 */
import type { PrismaClient } from '../prisma-client.js';
import { RelayRepository, type RelayThreadLine } from '../relay-repository.js';

export interface HandoffListItem {
  number: number;
  urgency: string;
  reason: string;
  residentName: string | null;
  wijk: string | null;
  createdAt: Date;
  claimedBy: string | null;
}

export interface HandoffDetail extends HandoffListItem {
  id: string;
  status: string;
  residentLanguage: string;
  /** The chat channel the resident uses, e.g. `telegram`. */
  channel: string | null;
  /** The resident's chat accounts and the details they gave, to reach them directly. */
  identities: { channel: string; externalId: string }[];
  details: { kind: string; value: string }[];
  summary: unknown;
  notes: { text: string; author: string | null; createdAt: Date }[];
  /** Who claimed it (a staff id): only they answer the resident. */
  claimedById: string | null;
  /** The conversation since the hand-off, oldest first (see relay-repository.ts). */
  conversation: RelayThreadLine[];
}

/**
 * Hand-offs with `status`, in `wijk` (`null`: every wijk), at most 200.
 */
export async function findHandoffList(
  prisma: PrismaClient,
  filter: { status: string; wijk: string | null },
): Promise<HandoffListItem[]> {
  const rows = await prisma.handoff.findMany({
    where: { status: filter.status, ...(filter.wijk === null ? {} : { wijk: filter.wijk }) },
    orderBy: [{ urgency: 'desc' }, { createdAt: 'asc' }],
    take: 200,
    include: { contact: { select: { firstName: true } }, claimedBy: { select: { name: true } } },
  });
  return rows.map((h) => ({
    number: h.number,
    urgency: h.urgency,
    reason: h.reason,
    residentName: h.contact.firstName,
    wijk: h.wijk,
    createdAt: h.createdAt,
    claimedBy: h.claimedBy?.name ?? null,
  }));
}

/**
 * Numbers of the open hand-offs raised while nobody could receive them (no linked verbinder
 * of the wijk, no linked coordinator): those residents were given WIJeindhoven's phone
 * number instead of a promise, and coordinators should link someone.
 */
export async function findUnreachedHandoffs(
  prisma: PrismaClient,
  wijk: string | null,
): Promise<number[]> {
  const rows = await prisma.handoff.findMany({
    where: { status: 'open', ownerId: null, ...(wijk === null ? {} : { wijk }) },
    orderBy: { number: 'asc' },
    take: 50,
    select: { number: true },
  });
  return rows.map((r) => r.number);
}

export async function findHandoff(
  prisma: PrismaClient,
  number: number,
): Promise<HandoffDetail | null> {
  const h = await prisma.handoff.findUnique({
    where: { number },
    include: {
      contact: {
        select: {
          firstName: true,
          language: true,
          identities: { select: { channel: true, externalId: true } },
          details: { select: { kind: true, value: true }, orderBy: { createdAt: 'asc' } },
        },
      },
      claimedBy: { select: { name: true } },
      notes: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true } } } },
    },
  });
  if (!h) return null;
  return {
    id: h.id,
    number: h.number,
    status: h.status,
    urgency: h.urgency,
    reason: h.reason,
    residentName: h.contact.firstName,
    residentLanguage: h.contact.language,
    channel: h.contact.identities[0]?.channel ?? null,
    identities: h.contact.identities,
    details: h.contact.details,
    wijk: h.wijk,
    createdAt: h.createdAt,
    claimedBy: h.claimedBy?.name ?? null,
    summary: h.summary,
    notes: h.notes.map((n) => ({
      text: n.text,
      author: n.author?.name ?? null,
      createdAt: n.createdAt,
    })),
    claimedById: h.claimedById,
    conversation: await new RelayRepository(prisma).thread(h.id),
  };
}

/**
 * A hand-off's wijk (to authorise) and its conversation's delivery state, for the page's
 * poll: lighter than `findHandoff`, which it runs every few seconds.
 */
export async function findConversationState(
  prisma: PrismaClient,
  number: number,
): Promise<{ wijk: string | null; lines: Pick<RelayThreadLine, 'outcome'>[] } | null> {
  const h = await prisma.handoff.findUnique({
    where: { number },
    select: { wijk: true, relayed: { select: { outcome: true } } },
  });
  return h ? { wijk: h.wijk, lines: h.relayed } : null;
}
