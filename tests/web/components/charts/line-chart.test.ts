import { describe, expect, it } from 'vitest';
import { LineChart, segments } from '../../../../src/web/components/charts/line-chart.js';
import { render, textOf } from '../../screens/render-view.js';

const format = (n: number) => String(n);
const months = ['jan', 'feb', 'mrt', 'apr'].map((label, i) => ({
  label,
  sub: i === 0 ? '2026' : undefined,
}));

describe(LineChart.name, () => {
  it('draws each series as a line with a marked point per value, and breaks it at a gap', async () => {
    const page = await render(
      LineChart({
        id: 't',
        title: 'Per maand',
        categories: months,
        series: [
          { label: 'Scans', values: [2, 4, null, 8] },
          { label: 'Matches', values: [0, 1, 1, 0] },
        ],
        format,
      }),
    );
    const lines = page.querySelectorAll('svg > g');
    expect(lines).toHaveLength(2);
    // The gap in March: two pieces of line for the scans, one for the matches.
    expect(lines.map((g) => g.querySelectorAll('path').length)).toEqual([2, 1]);
    expect(lines.map((g) => g.querySelectorAll('circle').length)).toEqual([3, 4]);
    expect(textOf(lines[0]!.querySelector('circle title'))).toBe('Scans, jan 2026: 2');
    // In words, each line's values; the gap is left out.
    expect(textOf(page.querySelector('svg > desc#t-desc'))).toBe(
      'Scans: jan 2026 2, feb 4, apr 8; Matches: jan 2026 0, feb 1, mrt 1, apr 0',
    );
    // The second line is dashed, so it stays apart without colour.
    expect(lines[0]!.querySelector('path')?.getAttribute('stroke-dasharray')).toBeUndefined();
    expect(lines[1]!.querySelector('path')?.getAttribute('stroke-dasharray')).toBe('6 3');
    // The scale rounds up to 10: 8 sits four fifths of the way from the 0 line to the 10 line.
    const grid = page.querySelectorAll('svg > line').map((l) => Number(l.getAttribute('y1')));
    const eight = Number(lines[0]!.querySelectorAll('circle').at(-1)!.getAttribute('cy'));
    expect(eight).toBeCloseTo(grid[0]! - 0.8 * (grid[0]! - grid[4]!), 1);
    expect(page.querySelectorAll('text.tick').map(textOf).slice(0, 5)).toEqual([
      '0',
      '2.5',
      '5',
      '7.5',
      '10',
    ]);
  });

  it('labels only every so many months when there are many, so labels never overlap', async () => {
    const many = Array.from({ length: 24 }, (_, i) => ({ label: `m${i}` }));
    const page = await render(
      LineChart({
        id: 't',
        title: 'x',
        categories: many,
        series: [{ label: 'a', values: many.map(() => 1) }],
        max: 100,
        format,
      }),
    );
    const labels = page.querySelectorAll('text.tick').filter((t) => textOf(t).startsWith('m'));
    expect(labels.length).toBeLessThan(24);
    const xs = labels.map((t) => Number(t.getAttribute('x')));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(30);
  });
});

describe(segments.name, () => {
  it('splits values into runs without a gap', () => {
    expect(segments([1, 2, null, 3, null, null, 4, 5])).toEqual([[0, 1], [3], [6, 7]]);
    expect(segments([null, null])).toEqual([]);
  });
});
