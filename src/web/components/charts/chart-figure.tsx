/**
 * A chart as a figure: the drawing, its caption, an optional legend, and the same numbers as
 * a table under a "numbers" disclosure — the table is what a screen reader reads and what a
 * reader copies; the drawing is for the eye.
 */
import type { Child } from 'hono/jsx';
import { seriesLook } from './chart-palette.js';

export interface ChartFigureProps {
  /** Unique on the page: the caption's id is `<id>-caption`. */
  id: string;
  caption: string;
  /** The SVG chart. */
  chart: Child;
  /** Series names in order, shown as a legend that wraps on a narrow screen. */
  legend?: readonly string[];
  /** The text of the disclosure around the table. */
  tableLabel: string;
  table: Child;
}

export function ChartFigure({ id, caption, chart, legend, tableLabel, table }: ChartFigureProps) {
  return (
    <figure class="chart-figure" aria-labelledby={`${id}-caption`}>
      {chart}
      {legend && legend.length > 0 && <Legend series={legend} />}
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <details>
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
}

/** Each series' colour (and dash, as on its line) with its name. */
export function Legend({ series }: { series: readonly string[] }) {
  return (
    <ul class="legend">
      {series.map((name, i) => {
        const { colour, dash } = seriesLook(i);
        return (
          <li>
            <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
              <line
                x1="1"
                x2="27"
                y1="6"
                y2="6"
                stroke={colour}
                stroke-width="4"
                stroke-dasharray={dash}
              />
            </svg>{' '}
            {name}
          </li>
        );
      })}
    </ul>
  );
}
