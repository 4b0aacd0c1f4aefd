/** Wijk ids to their names, as kept in the database (data, not code). */
import type { PrismaClient } from '../store/prisma-client.js';

export async function wijkNames(prisma: PrismaClient): Promise<Map<string, string>> {
  const wijken = await prisma.wijk.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  return new Map(wijken.map((w) => [w.id, w.name]));
}
