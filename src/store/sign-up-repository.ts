/**
 * WIJ match sign-ups and the matches verbinders record between them: which are still open,
 * marking them matched, the match itself, and later whether it lasted.
 */
import type { Db } from './db.js';

export class SignUpRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]) {
    return this.db.signUp.findMany({ where: { id: { in: [...ids] } } });
  }

  /** Marks open sign-ups matched; returns how many were still open. */
  async markMatched(ids: readonly string[], kind: string, at: Date): Promise<number> {
    const updated = await this.db.signUp.updateMany({
      where: { id: { in: [...ids] }, status: 'open' },
      data: { status: 'matched', matchKind: kind, matchedAt: at },
    });
    return updated.count;
  }

  async createMatch(input: {
    kind: string;
    firstId: string | null;
    secondId: string | null;
    ontwikkelplaats: string | null;
    offerId: string | null;
    wijk: string | null;
    category: string | null;
    recordedById: string;
    recordedAt: Date;
  }): Promise<string> {
    const match = await this.db.match.create({ data: input, select: { id: true } });
    return match.id;
  }

  /** Records whether a match lasted and closes its sign-ups. */
  async judgeMatch(matchId: string, lasting: boolean, at: Date): Promise<void> {
    const match = await this.db.match.update({
      where: { id: matchId },
      data: { lasting, lastingJudgedAt: at },
    });
    const ids = [match.firstId, match.secondId].filter((id): id is string => id !== null);
    await this.db.signUp.updateMany({
      where: { id: { in: ids }, status: 'matched' },
      data: { status: 'closed', closedAt: at },
    });
  }
}
