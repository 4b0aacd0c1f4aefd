/**
 * A campaign's preview and progress as lines of words, for the command line: languages by
 * their English names, times in Amsterdam, counts with what they count.
 */
import { DateTime } from 'luxon';
import { scheduleZone } from '../schedule/schedule-line.js';
import type { AudienceCount, CampaignProgress, CampaignRow } from '../store/campaign-repository.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

const counted = (counts: Record<string, number>, name: (key: string) => string) =>
  Object.entries(counts)
    .map(([key, n]) => [name(key), n] as const)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([words, n]) => `${words} ${n}`)
    .join(', ') || 'nobody';

export function describeCount(count: AudienceCount): string[] {
  return [
    `${count.total} residents`,
    `by language: ${counted(count.byLanguage, (l) => languageNames.of(l) ?? l)}`,
    `by channel: ${counted(count.byChannel, (c) => c)}`,
  ];
}

export function describeProgress(
  campaign: Pick<CampaignRow, 'name' | 'status' | 'startAt'>,
  p: CampaignProgress,
): string {
  const at = DateTime.fromJSDate(campaign.startAt, { zone: scheduleZone }).toFormat(
    'yyyy-MM-dd HH:mm',
  );
  return (
    `${campaign.name}: ${campaign.status}, from ${at}; ${p.recipients} residents: ` +
    `${p.sent} sent, ${p.pending + p.sending} waiting, ${p.skipped} skipped, ` +
    `${p.cancelled} cancelled`
  );
}
