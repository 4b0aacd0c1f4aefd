/**
 * The reads of the talent search: profiles from finished talentenscans of active residents
 * (never staff's test residents) whose latest consent for registration stands, newest first,
 * narrowed by wijk, interest and words in what they wrote.
 */
import type { PrismaClient } from '../prisma-client.js';
import { realResident } from './real-residents.js';

export interface TalentProfileItem {
  residentName: string | null;
  /** The profile's wijk, or else the resident's. */
  wijk: string | null;
  energy: string | null;
  skills: string | null;
  interests: string[];
  forOthers: string | null;
  ownWish: string | null;
  contactWish: boolean;
}

export async function findTalentProfiles(
  prisma: PrismaClient,
  filter: { wijk: string | null; interest: string | null; words: string },
): Promise<TalentProfileItem[]> {
  const { wijk, interest, words } = filter;
  const contains = { contains: words, mode: 'insensitive' as const };
  const profiles = await prisma.talentProfile.findMany({
    where: {
      ...(wijk ? { OR: [{ wijk }, { wijk: null, contact: { wijk } }] } : {}),
      ...(interest ? { interests: { has: interest } } : {}),
      ...(words
        ? {
            AND: [
              {
                OR: [
                  { energy: contains },
                  { skills: contains },
                  { forOthers: contains },
                  { ownWish: contains },
                ],
              },
            ],
          }
        : {}),
      contact: { status: 'active', ...realResident },
    },
    orderBy: { completedAt: 'desc' },
    take: 100,
    include: {
      contact: {
        select: {
          firstName: true,
          wijk: true,
          consents: {
            where: { purpose: 'registration' },
            orderBy: { recordedAt: 'desc' },
            take: 1,
          },
        },
      },
    },
  });
  return profiles
    .filter((p) => p.contact.consents[0]?.granted === true)
    .map((p) => ({
      residentName: p.contact.firstName,
      wijk: p.wijk ?? p.contact.wijk,
      energy: p.energy,
      skills: p.skills,
      interests: p.interests,
      forOthers: p.forOthers,
      ownWish: p.ownWish,
      contactWish: p.contactWish,
    }));
}
