/** How long ago, as a staff member reads it: "3 uur geleden", "gisteren", "2 weeks ago". */
export function formatAge(since: Date, now: Date, language: string): string {
  // A moment ahead of this clock (another machine's) is "now", never "in a minute".
  const minutes = Math.min(0, Math.round((since.getTime() - now.getTime()) / 60_000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (minutes === 0) return format.format(0, 'second');
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 14) return format.format(days, 'day');
  return format.format(Math.round(days / 7), 'week');
}
