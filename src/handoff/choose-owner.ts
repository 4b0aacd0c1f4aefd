/**
 * Who owns a new hand-off: the linked verbinder of the resident's wijk with the fewest open
 * hand-offs; when the wijk has none linked (or the resident does not know their wijk), a
 * linked coordinator routes it. Null when nobody is linked yet: the hand-off waits in the
 * inbox and escalation still reaches whoever links later.
 */
export interface OwnerCandidate {
  id: string;
  role: string;
  wijkId: string | null;
  openHandoffs: number;
}

export function chooseOwner(
  candidates: readonly OwnerCandidate[],
  wijk: string | null,
): string | null {
  const byLoad = (a: OwnerCandidate, b: OwnerCandidate) =>
    a.openHandoffs - b.openHandoffs || a.id.localeCompare(b.id);
  const local = candidates.filter((c) => c.role === 'verbinder' && wijk && c.wijkId === wijk);
  const pool = local.length > 0 ? local : candidates.filter((c) => c.role === 'coordinator');
  return [...pool].sort(byLoad)[0]?.id ?? null;
}
