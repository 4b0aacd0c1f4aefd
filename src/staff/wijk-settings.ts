/**
 * A coordinator's changes to an existing wijk: its name, and whether it is in use (a wijk
 * switched off is no longer offered in forms; what is recorded for it stays). Adding a wijk
 * is `addWijk` in handoff/verbinder-admin.ts.
 */
import type { PrismaClient } from '../store/prisma-client.js';

export async function updateWijk(
  prisma: PrismaClient,
  id: string,
  change: { name?: string; active?: boolean },
): Promise<void> {
  await prisma.wijk.update({ where: { id }, data: change });
}
