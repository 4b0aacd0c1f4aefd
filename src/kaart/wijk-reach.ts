/**
 * Which offers a resident can get to, from their wijk and their answer to "waar wil je het
 * liefst iets doen?". Nearer comes first: the own wijk, then a neighbouring wijk for someone
 * who goes by bike or bus, then offers for the whole city, then any wijk for someone who goes
 * anywhere in Eindhoven. Borders between wijken are data (the WijkNeighbour table).
 */
import { CITY_WIDE } from './offer.js';

/** For each wijk id, the ids of the wijken that border it. */
export type WijkNeighbours = ReadonlyMap<string, readonly string[]>;

/** How far an offer is for a resident, nearest first. */
export const reaches = ['wijk', 'neighbour', 'cityWide', 'city'] as const;
export type Reach = (typeof reaches)[number];

export interface Whereabouts {
  /** The resident's wijk id; null (or "unknown") when they do not know it. */
  wijk: string | null;
  /** The talentenscan's mobility answer: street | wijk | city | home, or null. */
  mobility: string | null;
}

/** How far an offer in `offerWijk` is for the resident, or null when it is out of reach. */
export function reachOf(
  offerWijk: string,
  resident: Whereabouts,
  neighbours: WijkNeighbours,
): Reach | null {
  if (offerWijk === CITY_WIDE) return 'cityWide';
  const home = resident.wijk && resident.wijk !== 'unknown' ? resident.wijk : null;
  if (home !== null && offerWijk === home) return 'wijk';
  const travels = resident.mobility === 'wijk' || resident.mobility === 'city';
  if (home !== null && travels && (neighbours.get(home) ?? []).includes(offerWijk)) {
    return 'neighbour';
  }
  if (resident.mobility === 'city') return 'city';
  return null;
}

/** Neighbours from border pairs; each pair counts both ways. */
export function neighboursFrom(
  pairs: readonly { wijkId: string; neighbourId: string }[],
): WijkNeighbours {
  const map = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = map.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    map.set(from, list);
  };
  for (const { wijkId, neighbourId } of pairs) {
    add(wijkId, neighbourId);
    add(neighbourId, wijkId);
  }
  for (const list of map.values()) list.sort();
  return map;
}
