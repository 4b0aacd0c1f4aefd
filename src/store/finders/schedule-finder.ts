/**
 * The scheduled messages still to go out, for the dashboard: the same rows and filters as
 * `schedule list`, with the resident's first name and wijk so a person reads who it is for.
 */
import type { ScheduleFilter } from '../scheduled-message-repository.js';
import type { PrismaClient } from '../prisma-client.js';

export interface ScheduleItem {
  dueAt: Date;
  kind: string;
  channel: string;
  contactId: string;
  firstName: string | null;
  wijk: string | null;
}

export async function findSchedule(
  prisma: PrismaClient,
  filter: ScheduleFilter,
  take = 500,
): Promise<ScheduleItem[]> {
  const rows = await prisma.scheduledMessage.findMany({
    where: {
      state: 'pending',
      ...(filter.kind ? { kind: filter.kind } : {}),
      dueAt: {
        ...(filter.from ? { gte: filter.from } : {}),
        ...(filter.to ? { lt: filter.to } : {}),
      },
    },
    select: {
      dueAt: true,
      kind: true,
      channel: true,
      contactId: true,
      contact: { select: { firstName: true, wijk: true } },
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take,
  });
  return rows.map(({ contact, ...row }) => ({ ...row, ...contact }));
}
