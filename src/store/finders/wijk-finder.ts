/**
 * Wijk ids to their names, as kept in the database (data, not code), in their display order.
 * Read by every screen that shows or filters by wijk.
 */
import type { PrismaClient } from '../prisma-client.js';

export async function findWijkNames(prisma: PrismaClient): Promise<Map<string, string>> {
  const wijken = await prisma.wijk.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  return new Map(wijken.map((w) => [w.id, w.name]));
}
