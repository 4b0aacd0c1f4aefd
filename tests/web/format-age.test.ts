import { describe, expect, it } from 'vitest';
import { formatAge } from '../../src/web/format-age.js';

describe(formatAge.name, () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('says how long ago in the reader language, in the largest sensible unit', () => {
    expect(formatAge(ago(20 * 60_000), now, 'nl')).toBe('20 minuten geleden');
    expect(formatAge(ago(3 * 3_600_000), now, 'nl')).toBe('3 uur geleden');
    expect(formatAge(ago(3 * 86_400_000), now, 'en')).toBe('3 days ago');
    expect(formatAge(ago(21 * 86_400_000), now, 'en')).toBe('3 weeks ago');
  });

  it('calls a moment ahead of the clock "now"', () => {
    expect(formatAge(new Date(now.getTime() + 90_000), now, 'nl')).toBe('nu');
    expect(formatAge(now, now, 'en')).toBe('now');
  });
});
