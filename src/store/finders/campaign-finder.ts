/**
 * What the campaigns screen offers to choose from: the audiences a campaign can go to (each
 * active wijk, each cohort, each consent purpose), by name, newest cohort first.
 */
import type { PrismaClient } from '../prisma-client.js';

export interface AudienceChoice {
  kind: 'wijk' | 'cohort' | 'consent';
  value: string;
  /** The wijk's or cohort's name; for a consent, its purpose (put into words by the view). */
  name: string;
}

/** Purposes a resident may consent to (flows/definitions/onboarding.ts). */
const purposes = ['registration', 'monitoring', 'followUp'];

export async function findAudienceChoices(prisma: PrismaClient): Promise<AudienceChoice[]> {
  const [wijken, cohorts] = await Promise.all([
    prisma.wijk.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true },
    }),
    prisma.cohort.findMany({ orderBy: { startDate: 'desc' }, select: { id: true, name: true } }),
  ]);
  return [
    ...wijken.map((w) => ({ kind: 'wijk' as const, value: w.id, name: w.name })),
    ...cohorts.map((c) => ({ kind: 'cohort' as const, value: c.id, name: c.name })),
    ...purposes.map((p) => ({ kind: 'consent' as const, value: p, name: p })),
  ];
}
