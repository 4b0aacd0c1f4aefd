import { describe, expect, it } from 'vitest';
import { FunnelChart } from '../../../../src/web/components/charts/funnel-chart.js';
import { render, textOf } from '../../screens/render-view.js';

describe(FunnelChart.name, () => {
  it('narrows a centred bar per stage to the share of those who began', async () => {
    const page = await render(
      FunnelChart({
        id: 'f',
        title: 'Talentenscan',
        stages: [
          { label: 'Begonnen', count: 40 },
          { label: 'Goed in', count: 30 },
          { label: 'Afgerond', count: 10 },
        ],
        format: (count, share) => `${count} (${Math.round(share * 100)}%)`,
      }),
    );
    const stages = page.querySelectorAll('svg > g');
    expect(stages.map((g) => textOf(g.querySelector('text.value')))).toEqual([
      '40 (100%)',
      '30 (75%)',
      '10 (25%)',
    ]);
    const bars = stages.map((g) => g.querySelectorAll('rect')[1]!);
    expect(bars.map((r) => [r.getAttribute('x'), r.getAttribute('width')])).toEqual([
      ['0', '400'],
      ['50', '300'],
      ['150', '100'],
    ]);
    expect(textOf(page.querySelector('svg > desc#f-desc'))).toBe(
      'Begonnen: 40 (100%); Goed in: 30 (75%); Afgerond: 10 (25%)',
    );
  });

  it('draws empty bars, not a division by zero, when nobody began', async () => {
    const page = await render(
      FunnelChart({
        id: 'f',
        title: 't',
        stages: [
          { label: 'Begonnen', count: 0 },
          { label: 'Afgerond', count: 0 },
        ],
        format: (count) => String(count),
      }),
    );
    expect(page.toString()).not.toContain('NaN');
    expect(
      page.querySelectorAll('svg > g rect:nth-of-type(2)').map((r) => r.getAttribute('width')),
    ).toEqual(['0', '0']);
  });
});
