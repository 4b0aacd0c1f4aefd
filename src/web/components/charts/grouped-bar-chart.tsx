/**
 * Groups of horizontal bars: one group per thing compared (a wijk, a cohort), one bar per
 * series in it (talentenscans, sign-ups …; before and after), each with its value beside it.
 * The group's name is on a line of its own above its bars, so names need no column on a
 * phone. Grid lines mark the scale; the series' names are in the figure's legend.
 */
import { chartAria, ChartText } from './chart-text.js';
import { gridColour, seriesLook } from './chart-palette.js';
import { chartWidth, fraction, niceMax, round, ticks, truncate } from './chart-scale.js';

export interface BarGroup {
  label: string;
  /** One value per series, in the series' order; null: none. */
  values: readonly (number | null)[];
}

export interface GroupedBarChartProps {
  id: string;
  title: string;
  /** Series names, in order (the legend shows them; here they name each bar's tooltip). */
  series: readonly string[];
  groups: readonly BarGroup[];
  /** The scale's end; by default a round number above the largest value. */
  max?: number;
  /** How a value reads: "12", "3,5". */
  format: (value: number) => string;
}

const barHeight = 12;
const barGap = 3;
const labelHeight = 20;
const groupGap = 12;
const axisHeight = 22;
const textRoom = 44;

export function GroupedBarChart({ id, title, series, groups, max, format }: GroupedBarChartProps) {
  const largest = Math.max(0, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const end = max ?? niceMax(largest);
  const track = chartWidth - textRoom;
  const groupHeight = labelHeight + series.length * (barHeight + barGap) + groupGap;
  const plotHeight = groups.length * groupHeight;
  const x = (value: number) => round(fraction(value, end) * track);
  return (
    <svg
      class="chart"
      {...chartAria(id)}
      viewBox={`0 0 ${chartWidth} ${plotHeight + axisHeight}`}
      width="100%"
    >
      <ChartText
        id={id}
        title={title}
        parts={groups.map((g) => describeGroup(g, series, format))}
      />
      {ticks(end).map((tick) => (
        <>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={labelHeight - 4}
            y2={plotHeight}
            stroke={gridColour}
            stroke-width="1"
          />
          <text
            x={x(tick)}
            y={plotHeight + 16}
            text-anchor={tick === 0 ? 'start' : 'middle'}
            class="tick"
          >
            {format(tick)}
          </text>
        </>
      ))}
      {groups.map((group, g) => {
        const top = g * groupHeight;
        return (
          <g>
            <text x="0" y={top + 14} class="group">
              {truncate(group.label)}
            </text>
            {group.values.map((value, s) => {
              const y = top + labelHeight + s * (barHeight + barGap);
              return (
                value !== null && (
                  <g>
                    <title>{`${group.label}, ${series[s] ?? ''}: ${format(value)}`}</title>
                    <rect
                      x="0"
                      y={y}
                      width={x(value)}
                      height={barHeight}
                      fill={seriesLook(s).colour}
                    />
                    <text x={x(value) + 4} y={y + barHeight - 2} class="value">
                      {format(value)}
                    </text>
                  </g>
                )
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** A group in words: "Stratum: talentenscans 4, check-ins 2". */
const describeGroup = (
  group: BarGroup,
  series: readonly string[],
  format: (value: number) => string,
) =>
  `${group.label}: ${group.values
    .flatMap((value, s) => (value === null ? [] : [`${series[s] ?? ''} ${format(value)}`]))
    .join(', ')}`;
