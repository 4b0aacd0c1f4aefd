import { describe, expect, it } from 'vitest';
import type { Indicators } from '../../../../src/monitoring/indicators.js';
import { readFilter } from '../../../../src/web/screens/indicators/indicator-tables.js';
import { IndicatorPage } from '../../../../src/web/screens/indicators/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const indicators: Indicators = {
  subgoals: [
    { subgoal: 'ontmoeting', indicator: 'ontmoeting.kennen', n: 2, mean: 3, share: 0.5 },
    { subgoal: 'meedoen', indicator: 'meedoen.ladder', n: 4, mean: null, share: null },
  ],
  counts: [{ metric: 'checkIns', count: 2 }],
  ladder: [
    { cohort: 'DWW voorjaar 2025', training: 'dww', n: 3, before: 5 / 3, after: 3 },
    { cohort: 'KtB 2025', training: 'ktb', n: 1, before: 3, after: null },
  ],
} as Indicators;
const filter = { wijk: 'stratum', from: '2026-01', to: '2026-12' };
const wijken = new Map([['stratum', 'Stratum']]);

describe(IndicatorPage.name, () => {
  it('shows each table with numbers in the reader’s notation and a CSV link for the same filter', async () => {
    const page = await render(
      IndicatorPage({ ctx: await viewContext(), indicators, filter, wijken }),
    );
    const subgoals = page
      .querySelectorAll('#table-subgoals tbody tr')
      .map((r) => r.querySelectorAll('td').map(textOf));
    expect(subgoals).toEqual([
      ['Ontmoeting', 'Kent meer mensen in de buurt', '2', '3', '50'],
      ['Meedoen', 'Trede participatieladder (follow-up)', '4', '–', '–'],
    ]);
    const ladder = page
      .querySelectorAll('#table-ladder tbody tr')
      .map((r) => r.querySelectorAll('td').map(textOf));
    expect(ladder[0]).toEqual(['DWW voorjaar 2025', 'De Wijk Werkt!', '3', '1,7', '3']);
    expect(page.querySelectorAll('#table-counts th.num').map(textOf)).toEqual(['Aantal']);
    expect(
      page.querySelector('a[href^="/indicators.csv?table=counts"]')?.getAttribute('href'),
    ).toBe('/indicators.csv?table=counts&from=2026-01&to=2026-12&wijk=stratum');
    expect(page.querySelector('#wijk option[selected]')?.getAttribute('value')).toBe('stratum');
  });

  it('draws the ladder as a chart: a bar per known step, and a legend', async () => {
    const page = await render(
      IndicatorPage({ ctx: await viewContext(), indicators, filter, wijken }),
    );
    const chart = page.querySelector('svg.chart');
    expect(chart?.getAttribute('role')).toBe('img');
    expect(chart?.getAttribute('viewBox')).toBe('0 0 500 128');
    // DWW before and after, KtB before only; two legend swatches.
    expect(chart?.querySelectorAll('rect')).toHaveLength(3 + 2);
    expect(textOf(page.querySelector('figcaption'))).toContain('Participatieladder per cohort');
  });

  it('says there is no ladder yet instead of an empty chart', async () => {
    const page = await render(
      IndicatorPage({
        ctx: await viewContext(),
        indicators: { ...indicators, ladder: [] },
        filter,
        wijken,
      }),
    );
    expect(page.querySelector('svg')).toBeNull();
    expect(textOf(page.querySelector('#t-ladder + p.notice'))).toContain('Nog geen follow-ups');
  });
});

describe(readFilter.name, () => {
  it('takes the last twelve months by default, puts the months in order and ignores an unknown wijk', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(readFilter({}, now, wijken)).toEqual({ wijk: null, from: '2026-01', to: '2026-12' });
    expect(readFilter({ from: '2026-05', to: '2026-02', wijk: 'atlantis' }, now, wijken)).toEqual({
      wijk: null,
      from: '2026-02',
      to: '2026-05',
    });
    expect(readFilter({ from: '2026-13', wijk: 'stratum' }, now, wijken).from).toBe('2026-01');
  });
});
