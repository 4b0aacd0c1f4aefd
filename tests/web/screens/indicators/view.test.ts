import { describe, expect, it } from 'vitest';
import type { Indicators } from '../../../../src/monitoring/indicators.js';
import {
  readFilter,
  type IndicatorData,
} from '../../../../src/web/screens/indicators/indicator-tables.js';
import { IndicatorPage } from '../../../../src/web/screens/indicators/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const indicators: Indicators = {
  subgoals: [
    { subgoal: 'ontmoeting', indicator: 'ontmoeting.kennen', n: 2, mean: 3, share: 0.5 },
    { subgoal: 'meedoen', indicator: 'meedoen.ladder', n: 4, mean: null, share: null },
    { subgoal: 'zingeving', indicator: '', n: 0, mean: null, share: null },
  ],
  counts: [{ metric: 'checkIns', count: 2 }],
  ladder: [
    { cohort: 'DWW voorjaar 2025', training: 'dww', n: 3, before: 5 / 3, after: 3 },
    { cohort: 'KtB 2025', training: 'ktb', n: 1, before: 3, after: null },
  ],
} as Indicators;
const data: IndicatorData = {
  indicators,
  trend: {
    months: ['2026-01', '2026-02'],
    series: [
      { metric: 'talentenscans', values: [3, 1] },
      { metric: 'signUps', values: [0, 2] },
      { metric: 'checkIns', values: [1, 1] },
      { metric: 'matches', values: [0, 1] },
    ],
  },
  agreement: {
    months: ['2026-01', '2026-02'],
    series: [{ subgoal: 'ontmoeting', shares: [0.5, null], scored: [2, 0] }],
  },
  wijken: {
    groups: [
      { wijk: 'stratum', values: [4, 2, 2, 1] },
      { wijk: null, values: [0, 1, 0, 0] },
    ],
  },
  funnels: [
    {
      flowId: 'checkIn',
      title: 'Check-in',
      stages: [
        { label: 'Begonnen (eerste vraag beantwoord)', count: 4 },
        { label: 'Is actiever in de buurt', count: 3 },
        { label: 'Afgerond (laatste vraag beantwoord)', count: 2 },
      ],
      medianSeconds: 12 * 60,
    },
    {
      flowId: 'wijMatch',
      title: 'WIJ match',
      stages: [{ label: 'Begonnen', count: 0 }],
      medianSeconds: null,
    },
  ],
};
const filter = { wijk: 'stratum', from: '2026-01', to: '2026-02' };
const wijken = new Map([['stratum', 'Stratum']]);
const cells = (row: { querySelectorAll(s: string): { textContent: string }[] }) =>
  row.querySelectorAll('td').map((c) => textOf(c as never));

async function page(over: Partial<IndicatorData> = {}) {
  return render(
    IndicatorPage({ ctx: await viewContext(), data: { ...data, ...over }, filter, wijken }),
  );
}

describe(IndicatorPage.name, () => {
  it('shows each table with numbers in the reader’s notation and a CSV link for the same filter', async () => {
    const view = await page();
    expect(view.querySelectorAll('#table-subgoals tbody tr').map(cells)).toEqual([
      ['Ontmoeting', 'Kent meer mensen in de buurt', '2', '3', '50'],
      ['Meedoen', 'Trede participatieladder (follow-up)', '4', '–', '–'],
      ['Zingeving', 'nog geen gegevens', '0', '–', '–'],
    ]);
    expect(view.querySelectorAll('#table-ladder tbody tr').map(cells)[0]).toEqual([
      'DWW voorjaar 2025',
      'De Wijk Werkt!',
      '3',
      '1,7',
      '3',
    ]);
    expect(view.querySelectorAll('#table-counts th.num').map(textOf)).toEqual(['Aantal']);
    expect(
      view.querySelectorAll('a[href^="/indicators.csv"]').map((a) => a.getAttribute('href')),
    ).toEqual(
      ['trend', 'subgoals', 'agreement', 'wijken', 'funnels', 'counts', 'ladder'].map(
        (t) => `/indicators.csv?table=${t}&from=2026-01&to=2026-02&wijk=stratum`,
      ),
    );
    expect(view.querySelector('#wijk option[selected]')?.getAttribute('value')).toBe('stratum');
    expect(textOf(view.querySelectorAll('p')[0])).toContain(
      'Stratum, januari 2026 tot en met februari 2026.',
    );
  });

  it('draws every chart as SVG with a title, and its numbers as a table in the same figure', async () => {
    const view = await page();
    const figures = view.querySelectorAll('figure');
    expect(figures.map((f) => f.getAttribute('aria-labelledby'))).toEqual([
      'trend-caption',
      'subgoal-ontmoeting-caption',
      'subgoal-meedoen-caption',
      'agreement-caption',
      'wijken-caption',
      'funnel-checkIn-caption',
      'ladder-caption',
    ]);
    for (const figure of figures) {
      const svg = figure.querySelector('svg.chart')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('width')).toBe('100%');
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 400 \d+(\.\d+)?$/);
      expect(textOf(svg.querySelector('title'))).not.toBe('');
      expect(figure.querySelectorAll('details table tbody tr').length).toBeGreaterThan(0);
    }
    expect(view.querySelectorAll('#table-trend tbody tr').map(cells)).toEqual([
      ['januari 2026', '3', '0', '1', '0'],
      ['februari 2026', '1', '2', '1', '1'],
    ]);
    expect(view.querySelectorAll('#table-wijken tbody tr').map(cells)).toEqual([
      ['Stratum', '4', '2', '2', '1'],
      ['Wijk onbekend', '0', '1', '0', '0'],
    ]);
  });

  it('gives each subgoal its chart: a bar for a share, words for answers without a scale', async () => {
    const view = await page();
    const ontmoeting = view.querySelector('#subgoal-ontmoeting-chart-title')!.parentNode!;
    expect(textOf(ontmoeting.querySelector('text.value'))).toBe('50% van 2');
    expect(ontmoeting.querySelectorAll('rect')).toHaveLength(2);
    const meedoen = view.querySelector('#subgoal-meedoen-chart-title')!.parentNode!;
    expect(meedoen.querySelectorAll('rect')).toHaveLength(0);
    expect(textOf(meedoen.querySelector('text.value'))).toBe('4 antwoorden');
    // A subgoal without any data says so instead of drawing an empty chart.
    const zingeving = view
      .querySelectorAll('section.chart-cell')
      .find((s) => textOf(s.querySelector('h3')) === 'Zingeving')!;
    expect(zingeving.querySelector('svg')).toBeNull();
    expect(textOf(zingeving.querySelector('p.notice'))).toBe('nog geen gegevens');
  });

  it('draws a funnel per questionnaire, with the median time to finish, or says nobody began', async () => {
    const view = await page();
    const funnel = view.querySelector('#funnel-checkIn-chart-title')!.parentNode!;
    expect(funnel.querySelectorAll('text.value').map(textOf)).toEqual([
      '4 (100%)',
      '3 (75%)',
      '2 (50%)',
    ]);
    expect(view.querySelectorAll('#table-funnel-checkIn tbody tr').map(cells)).toEqual([
      ['Check-in', 'Begonnen (eerste vraag beantwoord)', '4', '100', '–'],
      ['Check-in', 'Is actiever in de buurt', '3', '75', '–'],
      ['Check-in', 'Afgerond (laatste vraag beantwoord)', '2', '50', '12'],
    ]);
    expect(view.toString()).toContain('De helft van wie afrondde, deed dat binnen 12 minuten.');
    const wijMatch = view
      .querySelectorAll('section.chart-cell')
      .find((s) => textOf(s.querySelector('h3')) === 'WIJ match')!;
    expect(textOf(wijMatch.querySelector('p.notice'))).toBe(
      'Niemand begon hieraan in deze periode.',
    );
  });

  it('draws the ladder as grouped bars on the six steps: a bar per known step', async () => {
    const view = await page();
    const ladder = view.querySelector('#ladder-chart-title')!.parentNode!;
    // DWW before and after, KtB before only.
    expect(ladder.querySelectorAll('rect')).toHaveLength(3);
    expect(ladder.querySelectorAll('text.tick').map(textOf).at(-1)).toBe('6');
    expect(textOf(view.querySelector('#ladder-caption'))).toContain(
      'Participatieladder per cohort',
    );
    expect(
      view.querySelectorAll('figure[aria-labelledby="ladder-caption"] .legend li').map(textOf),
    ).toEqual(['Bij de start', 'Een jaar later']);
  });

  it('says there is no ladder yet, or no scores yet, instead of an empty chart', async () => {
    const view = await page({
      indicators: { ...indicators, ladder: [] },
      agreement: { months: [], series: [] },
    });
    expect(view.querySelector('#ladder-chart-title')).toBeNull();
    expect(textOf(view.querySelector('#t-ladder + p.notice'))).toContain('Nog geen follow-ups');
    expect(view.querySelector('#agreement-chart-title')).toBeNull();
    expect(view.toString()).toContain('Nog geen antwoorden op de schaal in deze periode.');
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
