/** A moment as "3 uur geleden", machine-readable in `datetime`. */
import { formatAge } from '../format-age.js';

export function TimeAgo({ at, now, language }: { at: Date; now: Date; language: string }) {
  return <time datetime={at.toISOString()}>{formatAge(at, now, language)}</time>;
}
