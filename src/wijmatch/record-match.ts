/**
 * A match a verbinder makes from the WIJ match board: two residents' sign-ups, a sign-up and
 * an ontwikkelplaats, or two ontwikkelplaatsen. Both sign-ups become "matched" with the kind
 * of match, in one transaction; a sign-up someone else matched a moment ago is refused.
 * The ontwikkelplaats is a name typed in, or an offer picked from the sociale kaart: then the
 * match keeps the offer (`offerId`), so matches per place are counted, and the offer's name.
 * Both residents get check-ups (match-check-ups.ts); the last one, or the verbinder, says
 * whether the match lasted: the duurzame-verbinding indicator.
 */
import { MatchRefused } from '../errors/match-refused.js';
import type { Store } from '../store/store.js';
import { cancelMatchCheckUps, scheduleMatchCheckUps } from './match-check-ups.js';

export const matchKinds = [
  'inwoner-inwoner',
  'inwoner-ontwikkelplaats',
  'ontwikkelplaats-ontwikkelplaats',
] as const;
export type MatchKind = (typeof matchKinds)[number];

export interface MatchInput {
  kind: MatchKind;
  signUpIds: string[];
  ontwikkelplaats: string | null;
  /** An offer of the kaart picked as the ontwikkelplaats (its name is then the name kept). */
  offer?: { id: string; name: string } | null;
  /** The wijken the recorder may match in; null for every wijk. */
  wijken: readonly string[] | null;
  recordedById: string;
  at: Date;
  /** When the residents in it are asked how it goes (default: 1 week, 1 month, 3 months). */
  checkUps?: readonly string[];
}

const shapes: Record<MatchKind, { signUps: number; ontwikkelplaats: boolean }> = {
  'inwoner-inwoner': { signUps: 2, ontwikkelplaats: false },
  'inwoner-ontwikkelplaats': { signUps: 1, ontwikkelplaats: true },
  'ontwikkelplaats-ontwikkelplaats': { signUps: 0, ontwikkelplaats: true },
};

export async function recordMatch(store: Store, input: MatchInput): Promise<string> {
  const ids = [...new Set(input.signUpIds)];
  const shape = shapes[input.kind];
  const ontwikkelplaats = input.offer?.name ?? input.ontwikkelplaats;
  if (ids.length !== shape.signUps || Boolean(ontwikkelplaats) !== shape.ontwikkelplaats) {
    throw new MatchRefused('shape');
  }
  return store.transaction(async (tx) => {
    const signUps = await tx.signUps.byIds(ids);
    if (signUps.length !== ids.length || signUps.some((s) => s.status !== 'open')) {
      throw new MatchRefused('notOpen');
    }
    if (input.wijken && signUps.some((s) => !s.wijk || !input.wijken!.includes(s.wijk))) {
      throw new MatchRefused('otherWijk');
    }
    const matched = await tx.signUps.markMatched(ids, input.kind, input.at);
    if (matched !== ids.length) throw new MatchRefused('notOpen');
    const [first, second] = signUps;
    const matchId = await tx.signUps.createMatch({
      kind: input.kind,
      firstId: first?.id ?? null,
      secondId: second?.id ?? null,
      ontwikkelplaats,
      offerId: input.offer?.id ?? null,
      wijk: first?.wijk ?? input.wijken?.[0] ?? null,
      category: first?.category ?? null,
      recordedById: input.recordedById,
      recordedAt: input.at,
    });
    await scheduleMatchCheckUps(
      tx,
      { id: matchId, contactIds: signUps.map((s) => s.contactId), at: input.at },
      input.checkUps,
    );
    return matchId;
  });
}

/** Whether the match lasted; the sign-ups are closed either way, and its check-ups cancelled. */
export async function judgeMatch(
  store: Store,
  matchId: string,
  lasting: boolean,
  at: Date,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.signUps.judgeMatch(matchId, lasting, at);
    await cancelMatchCheckUps(tx, matchId, at);
  });
}
