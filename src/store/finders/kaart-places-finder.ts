/**
 * The places of the sociale kaart a verbinder can pick as the ontwikkelplaats of a WIJ match:
 * active ontwikkelplaatsen and activities in a wijk (or every wijk) and those for the whole
 * city, by name.
 */
import type { PrismaClient } from '../prisma-client.js';

export interface KaartPlace {
  id: string;
  name: string;
  wijk: string;
}

const placeKinds = ['ontwikkelplaats', 'activity'];

/** `wijk` null: every wijk (a coordinator). */
export function findKaartPlaces(prisma: PrismaClient, wijk: string | null): Promise<KaartPlace[]> {
  return prisma.offer.findMany({
    where: {
      active: true,
      kind: { in: placeKinds },
      ...(wijk ? { wijk: { in: [wijk, 'all'] } } : {}),
    },
    select: { id: true, name: true, wijk: true },
    orderBy: [{ name: 'asc' }, { wijk: 'asc' }],
  });
}

/** One of those places by id, or null when it is not one (inactive, a training, elsewhere). */
export async function findKaartPlace(
  prisma: PrismaClient,
  id: string,
  wijk: string | null,
): Promise<KaartPlace | null> {
  const place = await prisma.offer.findFirst({
    where: {
      id,
      active: true,
      kind: { in: placeKinds },
      ...(wijk ? { wijk: { in: [wijk, 'all'] } } : {}),
    },
    select: { id: true, name: true, wijk: true },
  });
  return place;
}
