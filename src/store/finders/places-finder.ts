/**
 * The ontwikkelplaatsen on the sociale kaart that the match board may offer a resident: active
 * offers of that kind in the wijk shown, or open to the whole city ("all"). Every wijk's when
 * the board shows every wijk.
 */
import type { PrismaClient } from '../prisma-client.js';

export interface Ontwikkelplaats {
  offerId: string;
  name: string;
  /** A wijk id, or "all". */
  wijk: string;
}

export async function findOntwikkelplaatsen(
  prisma: PrismaClient,
  wijk: string | null,
): Promise<Ontwikkelplaats[]> {
  const rows = await prisma.offer.findMany({
    where: {
      kind: 'ontwikkelplaats',
      active: true,
      ...(wijk === null ? {} : { wijk: { in: [wijk, 'all'] } }),
    },
    select: { id: true, name: true, wijk: true },
    orderBy: { name: 'asc' },
    take: 500,
  });
  return rows.map((r) => ({ offerId: r.id, name: r.name, wijk: r.wijk }));
}
