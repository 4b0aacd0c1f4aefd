/**
 * Starting a campaign: check what the coordinator asked, save it, and enrol its audience in
 * batches, each batch one transaction (a recipient and their scheduled message together).
 * Starting one of the same name again goes on with it: after a crash or a restart only who is
 * missing is added, so each resident gets it at most once.
 */
import { CampaignRefusedError } from '../errors/campaign-refused-error.js';
import type { CampaignRow, CampaignSpec } from '../store/campaign-repository.js';
import type { Store } from '../store/store.js';

/** Residents enrolled per transaction: bounded, so a big wijk never holds one long lock. */
const batchSize = 500;

export interface StartedCampaign {
  campaign: CampaignRow;
  /** Residents added now (fewer than the audience when it went on with an earlier start). */
  added: number;
  /** Whether a campaign of this name existed already and was continued. */
  continued: boolean;
}

export async function startCampaign(store: Store, spec: CampaignSpec): Promise<StartedCampaign> {
  const name = spec.name.trim();
  if (!name) throw new CampaignRefusedError('noName', 'a campaign needs a name');
  if (!spec.audienceValue.trim()) {
    throw new CampaignRefusedError('noAudience', 'a campaign needs an audience');
  }
  const texts = spec.kind === 'message' ? nonEmpty(spec.texts) : null;
  if (spec.kind === 'message' && !texts) {
    throw new CampaignRefusedError('noText', 'a message campaign needs a text');
  }
  const existing = await store.campaigns.findByName(name);
  if (existing && existing.status !== 'running') {
    throw new CampaignRefusedError('stopped', 'a campaign of this name was stopped');
  }
  const campaign =
    existing ??
    (await store.campaigns.find(await store.campaigns.create({ ...spec, name, texts })))!;
  const members = await store.campaigns.audience(campaign);
  let added = 0;
  for (let i = 0; i < members.length; i += batchSize) {
    const batch = members.slice(i, i + batchSize);
    added += await store.transaction((tx) => tx.campaigns.enrol(campaign, batch));
  }
  return { campaign, added, continued: existing !== null };
}

/** The texts with something in them, or null when none has. */
function nonEmpty(texts: Record<string, string> | null): Record<string, string> | null {
  const kept = Object.entries(texts ?? {})
    .map(([language, text]) => [language, text.trim()] as const)
    .filter(([, text]) => text.length > 0);
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}
