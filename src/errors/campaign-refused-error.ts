/**
 * A campaign that cannot start as asked; `reason` is a stable word the dashboard and the CLI
 * put into words: `noName`, `noText`, `noAudience` (missing or not understood), `badTime`,
 * `stopped` (one of that name was stopped).
 */
import { BloeiError } from './bloei-error.js';

export type CampaignRefusal = 'noName' | 'noText' | 'noAudience' | 'badTime' | 'stopped';

export class CampaignRefusedError extends BloeiError<{ reason: CampaignRefusal }> {
  override readonly name = 'CampaignRefusedError';
  readonly code = 'CAMPAIGN_REFUSED';

  constructor(reason: CampaignRefusal, message: string) {
    super(message, { context: { reason } });
  }

  get reason(): CampaignRefusal {
    return this.context.reason;
  }
}
