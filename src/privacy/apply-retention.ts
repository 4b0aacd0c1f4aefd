/**
 * Retention: residents who have not written for `contactMonths` (default 24) are erased the
 * way "forget me" erases them, keeping only anonymous counts; closed hand-offs lose their
 * details (the answers summary and verbinders' notes) after `handoffMonths` (default 12);
 * expired staff sessions are removed. The clock is passed in.
 */
import { DateTime } from 'luxon';
import { eraseContact } from '../store/erase-contact.js';
import type { PrismaClient } from '../store/prisma-client.js';

export interface RetentionSettings {
  contactMonths: number;
  handoffMonths: number;
}

export const defaultRetention: RetentionSettings = { contactMonths: 24, handoffMonths: 12 };

export async function applyRetention(
  prisma: PrismaClient,
  now: Date,
  settings: RetentionSettings = defaultRetention,
): Promise<{ erased: number; handoffsCleared: number }> {
  const before = (months: number) => DateTime.fromJSDate(now).minus({ months }).toJSDate();
  const cutoff = before(settings.contactMonths);
  const inactive = await prisma.contact.findMany({
    where: {
      OR: [{ lastInboundAt: { lt: cutoff } }, { lastInboundAt: null, createdAt: { lt: cutoff } }],
    },
    select: { id: true },
  });
  let erased = 0;
  for (const { id } of inactive) {
    if (await prisma.$transaction((tx) => eraseContact(tx, id, now))) erased += 1;
  }
  const closedLongAgo = { status: 'closed', closedAt: { lt: before(settings.handoffMonths) } };
  await prisma.handoffNote.deleteMany({ where: { handoff: closedLongAgo } });
  const cleared = await prisma.handoff.updateMany({
    where: { ...closedLongAgo, NOT: { summary: { equals: {} } } },
    data: { summary: {} },
  });
  await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return { erased, handoffsCleared: cleared.count };
}
