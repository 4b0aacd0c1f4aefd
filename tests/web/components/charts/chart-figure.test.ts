import { describe, expect, it } from 'vitest';
import { BarChart } from '../../../../src/web/components/charts/bar-chart.js';
import { ChartFigure } from '../../../../src/web/components/charts/chart-figure.js';
import { NumbersTable } from '../../../../src/web/components/numbers-table.js';
import { render, textOf } from '../../screens/render-view.js';

describe(ChartFigure.name, () => {
  it('puts the chart, a legend, the caption and the numbers as a table in one figure', async () => {
    const page = await render(
      ChartFigure({
        id: 'trend',
        caption: 'Per maand',
        chart: BarChart({ id: 'trend-chart', title: 'Per maand', bars: [], max: 1 }),
        legend: ['Scans', 'Matches'],
        tableLabel: 'Cijfers bij deze grafiek',
        table: NumbersTable({
          id: 'table-trend',
          table: { header: ['Maand'], rows: [['januari 2026']], numeric: () => false },
          language: 'nl',
        }),
      }),
    );
    const figure = page.querySelector('figure')!;
    expect(figure.getAttribute('aria-labelledby')).toBe('trend-caption');
    expect(textOf(figure.querySelector('figcaption#trend-caption'))).toBe('Per maand');
    expect(figure.querySelectorAll('ul.legend li').map(textOf)).toEqual(['Scans', 'Matches']);
    expect(figure.querySelectorAll('ul.legend svg[aria-hidden="true"]')).toHaveLength(2);
    expect(textOf(figure.querySelector('details > summary'))).toBe('Cijfers bij deze grafiek');
    expect(
      figure.querySelector('svg#trend-chart, svg[aria-labelledby="trend-chart-title"]'),
    ).not.toBeNull();
    expect(figure.querySelectorAll('details > table#table-trend td').map(textOf)).toEqual([
      'januari 2026',
    ]);
  });
});
