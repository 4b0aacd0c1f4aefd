/**
 * The reads of the coordinator tools: staff (active first, then by name) with their wijk,
 * and the wijken in their display order.
 */
import type { PrismaClient } from '../prisma-client.js';

export interface StaffListItem {
  id: string;
  name: string;
  role: string;
  wijkName: string | null;
  login: string | null;
  linked: boolean;
  active: boolean;
}

export interface WijkItem {
  id: string;
  name: string;
  active: boolean;
}

export async function findStaffList(prisma: PrismaClient): Promise<StaffListItem[]> {
  const rows = await prisma.verbinder.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    include: { wijk: { select: { name: true } } },
  });
  return rows.map((v) => ({
    id: v.id,
    name: v.name,
    role: v.role,
    wijkName: v.wijk?.name ?? null,
    login: v.login,
    linked: v.linkedAt !== null,
    active: v.active,
  }));
}

export async function findWijken(prisma: PrismaClient): Promise<WijkItem[]> {
  return prisma.wijk.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, active: true },
  });
}

export async function findStaffMember(
  prisma: PrismaClient,
  id: string,
): Promise<{ id: string; name: string } | null> {
  return prisma.verbinder.findUnique({ where: { id }, select: { id: true, name: true } });
}

export async function findWijk(prisma: PrismaClient, id: string): Promise<WijkItem | null> {
  return prisma.wijk.findUnique({ where: { id }, select: { id: true, name: true, active: true } });
}
