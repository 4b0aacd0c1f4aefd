/**
 * How long ago an offer was checked, in words: "3 dagen geleden", "7 maanden geleden". Offers
 * go unchecked for months, so after eight weeks this counts months (and years after two),
 * where the dashboard's other ages stop at weeks.
 */
import { formatAge } from '../../format-age.js';

const day = 24 * 60 * 60 * 1000;

export function checkedAge(at: Date, now: Date, language: string): string {
  const days = Math.max(0, Math.round((now.getTime() - at.getTime()) / day));
  if (days < 56) return formatAge(at, now, language);
  const months = Math.round(days / 30.44);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return months < 24
    ? format.format(-months, 'month')
    : format.format(-Math.floor(months / 12), 'year');
}
