import { describe, expect, it } from 'vitest';
import { GroupedBarChart } from '../../../../src/web/components/charts/grouped-bar-chart.js';
import { render, textOf } from '../../screens/render-view.js';

const format = (n: number) => new Intl.NumberFormat('nl').format(n);

describe(GroupedBarChart.name, () => {
  it('draws a bar per series in each group, in the series colours, each with its value', async () => {
    const page = await render(
      GroupedBarChart({
        id: 'w',
        title: 'Per wijk',
        series: ['Talentenscans', 'Matches'],
        groups: [
          { label: 'Stratum', values: [8, 2] },
          { label: 'Centrum', values: [0, null] },
        ],
        format,
      }),
    );
    const svg = page.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe(`0 0 400 ${2 * (20 + 2 * 15 + 12) + 22}`);
    const groups = svg.querySelectorAll(':scope > g');
    expect(groups.map((g) => textOf(g.querySelector('text.group')))).toEqual([
      'Stratum',
      'Centrum',
    ]);
    // A round scale to 10: 8 is four fifths of the 356 units of track.
    const stratum = groups[0]!.querySelectorAll('rect');
    expect(stratum.map((r) => r.getAttribute('width'))).toEqual(['284.8', '71.2']);
    expect(stratum[0]!.getAttribute('fill')).not.toBe(stratum[1]!.getAttribute('fill'));
    // A null is no bar; a zero is a bar of no width with its value.
    expect(groups[1]!.querySelectorAll('rect').map((r) => r.getAttribute('width'))).toEqual(['0']);
    expect(textOf(groups[0]!.querySelector('g > title'))).toBe('Stratum, Talentenscans: 8');
    expect(svg.getAttribute('aria-describedby')).toBe('w-desc');
    expect(textOf(svg.querySelector('desc'))).toBe(
      'Stratum: Talentenscans 8, Matches 2; Centrum: Talentenscans 0',
    );
    expect(svg.querySelectorAll('text.tick').map(textOf)).toEqual(['0', '2,5', '5', '7,5', '10']);
  });

  it('keeps a fixed scale when given one, such as the six ladder steps', async () => {
    const page = await render(
      GroupedBarChart({
        id: 'l',
        title: 'Ladder',
        series: ['Bij de start', 'Een jaar later'],
        groups: [{ label: 'DWW 2025', values: [1.5, 3] }],
        max: 6,
        format,
      }),
    );
    expect(page.querySelectorAll('text.tick').map(textOf)).toEqual(['0', '1,5', '3', '4,5', '6']);
    expect(page.querySelectorAll('g rect').map((r) => r.getAttribute('width'))).toEqual([
      '89',
      '178',
    ]);
    expect(page.querySelectorAll('g text.value').map(textOf)).toEqual(['1,5', '3']);
  });
});
