/**
 * Which ontwikkelplaatsen the board shows under a sign-up: those in the resident's own wijk
 * first, then those open to the whole city, at most a few, so a verbinder sees a nearby place
 * without a list to scroll. A sign-up without a wijk gets only the city-wide ones. The
 * verbinder decides; this only narrows the sociale kaart to what is near.
 */
export interface PlaceCandidate {
  offerId: string;
  name: string;
  /** A wijk id, or "all". */
  wijk: string;
}

/** Places per sign-up id, in the order shown; sign-ups without a place are left out. */
export function suggestPlaces(
  signUps: readonly { id: string; wijk: string | null }[],
  places: readonly PlaceCandidate[],
  perSignUp = 3,
): Map<string, { offerId: string; name: string }[]> {
  const byName = [...places].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const suggestions = new Map<string, { offerId: string; name: string }[]>();
  for (const signUp of signUps) {
    const near = [
      ...byName.filter((p) => signUp.wijk !== null && p.wijk === signUp.wijk),
      ...byName.filter((p) => p.wijk === 'all'),
    ].slice(0, perSignUp);
    if (near.length > 0) {
      suggestions.set(
        signUp.id,
        near.map(({ offerId, name }) => ({ offerId, name })),
      );
    }
  }
  return suggestions;
}
