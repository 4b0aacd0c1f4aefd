/**
 * Finds hand-offs nobody claimed in time and marks them, so each reminder and escalation is
 * sent once: unclaimed after `remindAfterHours` → a reminder to the owner; after
 * `escalateAfterHours` → the whole wijkteam. The database decides what is due; the clock is
 * passed in, so tests can move time.
 */
import type { PrismaClient } from '../store/prisma-client.js';
import type { AlertKind } from './handoff-alerts.js';

export interface EscalationSettings {
  remindAfterHours: number;
  escalateAfterHours: number;
}

export const defaultEscalation: EscalationSettings = {
  remindAfterHours: 24,
  escalateAfterHours: 48,
};

export async function dueEscalations(
  prisma: PrismaClient,
  now: Date,
  settings: EscalationSettings = defaultEscalation,
): Promise<{ handoffId: string; kind: Exclude<AlertKind, 'new'> }[]> {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const due: { handoffId: string; kind: Exclude<AlertKind, 'new'> }[] = [];
  const mark = async (kind: 'reminder' | 'escalation', before: Date) => {
    const field = kind === 'reminder' ? 'remindedAt' : 'escalatedAt';
    const candidates = await prisma.handoff.findMany({
      where: { status: 'open', [field]: null, createdAt: { lte: before } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    for (const { id } of candidates) {
      const marked = await prisma.handoff.updateMany({
        where: { id, status: 'open', [field]: null },
        data: kind === 'reminder' ? { remindedAt: now } : { escalatedAt: now, remindedAt: now },
      });
      if (marked.count === 1) due.push({ handoffId: id, kind });
    }
  };
  await mark('escalation', hoursAgo(settings.escalateAfterHours));
  await mark('reminder', hoursAgo(settings.remindAfterHours));
  return due;
}
