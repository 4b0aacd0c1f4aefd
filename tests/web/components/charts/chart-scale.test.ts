import { describe, expect, it } from 'vitest';
import {
  fraction,
  niceMax,
  ticks,
  truncate,
} from '../../../../src/web/components/charts/chart-scale.js';
import { seriesLook } from '../../../../src/web/components/charts/chart-palette.js';

describe(niceMax.name, () => {
  it('rounds a scale up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 10, 11, 23, 130, 999].map(niceMax)).toEqual([
      1, 0.5, 1, 5, 10, 10, 20, 25, 200, 1000,
    ]);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe(ticks.name, () => {
  it('spaces the ticks evenly from zero to the top', () => {
    expect(ticks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(6, 3)).toEqual([0, 2, 4, 6]);
  });
});

describe(truncate.name, () => {
  it('keeps a label that fits and cuts a long one with an ellipsis, by characters', () => {
    expect(truncate('Kent meer mensen in de buurt')).toBe('Kent meer mensen in de buurt');
    const cut = truncate('x'.repeat(80), 20);
    expect([...cut]).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncate('ğğğğğ', 5)).toBe('ğğğğğ');
  });
});

describe(fraction.name, () => {
  it('keeps a share between 0 and 1, also for an empty scale', () => {
    expect(fraction(5, 10)).toBe(0.5);
    expect(fraction(15, 10)).toBe(1);
    expect(fraction(-1, 10)).toBe(0);
    expect(fraction(3, 0)).toBe(0);
  });
});

describe(seriesLook.name, () => {
  it('gives six series six colours and six line patterns, then starts again', () => {
    const looks = [0, 1, 2, 3, 4, 5].map(seriesLook);
    expect(new Set(looks.map((l) => l.colour)).size).toBe(6);
    expect(new Set(looks.map((l) => l.dash)).size).toBe(6);
    expect(seriesLook(6)).toEqual(seriesLook(0));
  });
});
