/**
 * The participation ladder before the training and one year after, per cohort: paired
 * horizontal bars on the six-step scale, as an inline SVG that needs no JavaScript. The
 * numbers are in the bars' labels and in the table next to it, for screen readers too.
 */
import type { LadderRow } from '../../monitoring/indicators.js';

const steps = 6;
const labelWidth = 160;
const barArea = 300;
const rowHeight = 44;
const colours = { before: '#8a8a8a', after: '#0b5d3b' };

export interface LadderChartProps {
  rows: readonly LadderRow[];
  labels: { title: string; before: string; after: string };
}

export function LadderChart({ rows, labels }: LadderChartProps) {
  const height = rows.length * rowHeight + 40;
  const x = (step: number) => labelWidth + (step / steps) * barArea;
  const bar = (value: number | null, y: number, colour: string, label: string) =>
    value !== null && (
      <>
        <rect x={labelWidth} y={y} width={x(value) - labelWidth} height="14" fill={colour}>
          <title>{`${label}: ${value}`}</title>
        </rect>
        <text x={x(value) + 4} y={y + 11}>
          {value}
        </text>
      </>
    );
  return (
    <figure>
      <svg
        role="img"
        aria-labelledby="ladder-title"
        viewBox={`0 0 ${labelWidth + barArea + 40} ${height}`}
        width="100%"
        class="chart"
      >
        <title id="ladder-title">{labels.title}</title>
        {[1, 2, 3, 4, 5, 6].map((s) => (
          <>
            <line x1={x(s)} x2={x(s)} y1="0" y2={height - 30} stroke="#c8c8c8" />
            <text x={x(s) - 3} y={height - 16}>
              {s}
            </text>
          </>
        ))}
        {rows.map((r, i) => {
          const y = i * rowHeight + 4;
          return (
            <>
              <text x="0" y={y + 20}>
                {r.cohort.slice(0, 24)}
              </text>
              {bar(r.before, y, colours.before, labels.before)}
              {bar(r.after, y + 16, colours.after, labels.after)}
            </>
          );
        })}
        <rect x={labelWidth} y={height - 12} width="10" height="10" fill={colours.before} />
        <text x={labelWidth + 14} y={height - 3}>
          {labels.before}
        </text>
        <rect x={labelWidth + 120} y={height - 12} width="10" height="10" fill={colours.after} />
        <text x={labelWidth + 134} y={height - 3}>
          {labels.after}
        </text>
      </svg>
      <figcaption>{labels.title}</figcaption>
    </figure>
  );
}
