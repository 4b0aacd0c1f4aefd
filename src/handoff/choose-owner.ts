/**
 * Who owns a new hand-off: a linked verbinder of the resident's wijk — one who speaks the
 * resident's language when the wijk has one, so an Arabic-speaking resident is not handed to
 * someone who must work through saved replies — and among those the one with the fewest open
 * hand-offs. When the wijk has none linked (or the resident does not know their wijk), a
 * linked coordinator routes it, chosen the same way. Null when nobody is linked yet: the
 * hand-off waits in the inbox and escalation still reaches whoever links later.
 */
export interface OwnerCandidate {
  id: string;
  role: string;
  wijkId: string | null;
  openHandoffs: number;
  /** The language Bloei writes to them in; they speak it. */
  language: string;
  /** Other languages they speak. */
  languages?: readonly string[];
}

/** Whether `candidate` speaks `language`. */
export function speaks(candidate: OwnerCandidate, language: string): boolean {
  return candidate.language === language || (candidate.languages ?? []).includes(language);
}

export function chooseOwner(
  candidates: readonly OwnerCandidate[],
  wijk: string | null,
  residentLanguage: string | null = null,
): string | null {
  const local = candidates.filter((c) => c.role === 'verbinder' && wijk && c.wijkId === wijk);
  const pool = local.length > 0 ? local : candidates.filter((c) => c.role === 'coordinator');
  const fluent = residentLanguage ? pool.filter((c) => speaks(c, residentLanguage)) : [];
  const byLoad = (a: OwnerCandidate, b: OwnerCandidate) =>
    a.openHandoffs - b.openHandoffs || a.id.localeCompare(b.id);
  return [...(fluent.length > 0 ? fluent : pool)].sort(byLoad)[0]?.id ?? null;
}
