/** Why a WIJ match could not be recorded; `reason` names a `web.matches.refused.*` text. */
import { BloeiError } from './bloei-error.js';

export type MatchRefusal = 'shape' | 'notOpen' | 'otherWijk';

export class MatchRefused extends BloeiError<{ reason: MatchRefusal }> {
  override readonly name = 'MatchRefused';
  readonly code = 'MATCH_REFUSED';
  constructor(readonly reason: MatchRefusal) {
    super(`match refused: ${reason}`, { context: { reason } });
  }
}
