/**
 * Horizontal bars, one per row, each with its label on a line of its own above the bar, so
 * long labels need no narrow column beside the bars on a phone. Every bar stands on a track to
 * `max`; a row without a value (nothing to measure) keeps its label and shows its text alone.
 */
import { chartAria, ChartText } from './chart-text.js';
import { chartWidth, fraction, round, truncate } from './chart-scale.js';
import { seriesLook, trackColour } from './chart-palette.js';

export interface Bar {
  label: string;
  /** Null: nothing to draw, only `text`. */
  value: number | null;
  /** What the row says beside the bar: "62 %", "12 antwoorden". */
  text: string;
}

export interface BarChartProps {
  /** Unique on the page: the title's id is `<id>-title`. */
  id: string;
  title: string;
  bars: readonly Bar[];
  /** The value a full-width bar stands for. */
  max: number;
}

const rowHeight = 44;
const barHeight = 14;
/** Room kept at the end of the track for the value's text. */
const textRoom = 88;

export function BarChart({ id, title, bars, max }: BarChartProps) {
  const track = chartWidth - textRoom;
  const height = bars.length * rowHeight + 4;
  const colour = seriesLook(0).colour;
  return (
    <svg class="chart" {...chartAria(id)} viewBox={`0 0 ${chartWidth} ${height}`} width="100%">
      <ChartText id={id} title={title} parts={bars.map((bar) => `${bar.label}: ${bar.text}`)} />
      {bars.map((bar, i) => {
        const y = i * rowHeight;
        const width = bar.value === null ? 0 : fraction(bar.value, max) * track;
        return (
          <g>
            <title>{`${bar.label}: ${bar.text}`}</title>
            <text x="0" y={y + 14}>
              {truncate(bar.label)}
            </text>
            {bar.value !== null && (
              <>
                <rect x="0" y={y + 20} width={track} height={barHeight} fill={trackColour} />
                <rect x="0" y={y + 20} width={round(width)} height={barHeight} fill={colour} />
              </>
            )}
            <text x={bar.value === null ? 0 : track + 6} y={y + 32} class="value">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
