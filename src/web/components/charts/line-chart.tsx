/**
 * A trend: one line per series over categories in order (months), each point marked and
 * named in its tooltip. A missing value breaks the line rather than drawing a fall to zero.
 * Lines differ in colour and dash (chart-palette.ts); their names are in the figure's legend.
 * With many categories only every so many is labelled, so labels never overlap on a phone.
 */
import { chartAria, ChartText } from './chart-text.js';
import { gridColour, seriesLook } from './chart-palette.js';
import { chartWidth, niceMax, round, ticks } from './chart-scale.js';

export interface Category {
  label: string;
  /** A second line under the label, e.g. the year under January. */
  sub?: string | undefined;
}

export interface LineSeries {
  label: string;
  /** One value per category; null: no value that month. */
  values: readonly (number | null)[];
}

export interface LineChartProps {
  id: string;
  title: string;
  categories: readonly Category[];
  series: readonly LineSeries[];
  /** The top of the scale; by default a round number above the largest value. */
  max?: number;
  format: (value: number) => string;
}

const height = 220;
const margin = { left: 40, right: 12, top: 10, bottom: 40 };
/** Labels need about this many units each to stay apart. */
const labelRoom = 34;

export function LineChart({ id, title, categories, series, max, format }: LineChartProps) {
  const largest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const top = max ?? niceMax(largest);
  const plotWidth = chartWidth - margin.left - margin.right;
  const plotBottom = height - margin.bottom;
  const plotHeight = plotBottom - margin.top;
  const step = categories.length > 1 ? plotWidth / (categories.length - 1) : 0;
  const x = (i: number) => round(margin.left + (categories.length > 1 ? i * step : plotWidth / 2));
  const y = (value: number) => round(plotBottom - (Math.min(value, top) / top) * plotHeight);
  const every = Math.max(1, Math.ceil(labelRoom / Math.max(step, 1)));
  return (
    <svg class="chart" {...chartAria(id)} viewBox={`0 0 ${chartWidth} ${height}`} width="100%">
      <ChartText
        id={id}
        title={title}
        parts={series.map((line) => describeLine(line, categories, format))}
      />
      {ticks(top).map((tick) => (
        <>
          <line
            x1={margin.left}
            x2={chartWidth - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={gridColour}
            stroke-width="1"
          />
          <text x={margin.left - 6} y={y(tick) + 4} text-anchor="end" class="tick">
            {format(tick)}
          </text>
        </>
      ))}
      {categories.map(
        (category, i) =>
          i % every === 0 && (
            <text x={x(i)} y={plotBottom + 16} text-anchor="middle" class="tick">
              {category.label}
              {category.sub && (
                <tspan x={x(i)} dy="14">
                  {category.sub}
                </tspan>
              )}
            </text>
          ),
      )}
      {series.map((line, s) => {
        const { colour, dash } = seriesLook(s);
        return (
          <g>
            {segments(line.values).map((segment) => (
              <path
                d={segment
                  .map((i, n) => `${n === 0 ? 'M' : 'L'}${x(i)} ${y(line.values[i]!)}`)
                  .join(' ')}
                fill="none"
                stroke={colour}
                stroke-width="2.5"
                stroke-dasharray={dash}
              />
            ))}
            {line.values.map(
              (value, i) =>
                value !== null && (
                  <circle cx={x(i)} cy={y(value)} r="3.5" fill={colour}>
                    <title>{`${line.label}, ${nameOf(categories[i])}: ${format(value)}`}</title>
                  </circle>
                ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Runs of consecutive indexes with a value: each is drawn as one line. */
export function segments(values: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const last = runs.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else runs.push([i]);
  });
  return runs;
}

const nameOf = (category: Category | undefined) =>
  [category?.label, category?.sub].filter(Boolean).join(' ');

/** A line in words: "Check-ins: jan 2026 1, feb 2"; months without a value are left out. */
const describeLine = (
  line: LineSeries,
  categories: readonly Category[],
  format: (value: number) => string,
) =>
  `${line.label}: ${line.values
    .flatMap((value, i) => (value === null ? [] : [`${nameOf(categories[i])} ${format(value)}`]))
    .join(', ')}`;
