/**
 * Where people drop out: one centred bar per stage, as wide as the share of those who began
 * that got this far, so the shape narrows where residents stop. Each stage's name, count and
 * share are on the line above its bar.
 */
import { chartAria, ChartText } from './chart-text.js';
import { seriesLook, trackColour } from './chart-palette.js';
import { chartWidth, fraction, round, truncate } from './chart-scale.js';

export interface FunnelStage {
  label: string;
  count: number;
}

export interface FunnelChartProps {
  id: string;
  title: string;
  /** The first stage is everyone who began: 100 %. */
  stages: readonly FunnelStage[];
  /** How a stage's figures read, e.g. "40 (80 %)". */
  format: (count: number, share: number) => string;
}

const rowHeight = 40;
const barHeight = 16;

export function FunnelChart({ id, title, stages, format }: FunnelChartProps) {
  const base = stages[0]?.count ?? 0;
  const height = stages.length * rowHeight + 4;
  const colour = seriesLook(0).colour;
  return (
    <svg class="chart" {...chartAria(id)} viewBox={`0 0 ${chartWidth} ${height}`} width="100%">
      <ChartText
        id={id}
        title={title}
        parts={stages.map((s) => `${s.label}: ${format(s.count, fraction(s.count, base))}`)}
      />
      {stages.map((stage, i) => {
        const y = i * rowHeight;
        const share = fraction(stage.count, base);
        const width = round(share * chartWidth);
        const figures = format(stage.count, share);
        return (
          <g>
            <title>{`${stage.label}: ${figures}`}</title>
            <text x="0" y={y + 14}>
              {truncate(stage.label, 38)}
            </text>
            <text x={chartWidth} y={y + 14} text-anchor="end" class="value">
              {figures}
            </text>
            <rect x="0" y={y + 20} width={chartWidth} height={barHeight} fill={trackColour} />
            <rect
              x={round((chartWidth - width) / 2)}
              y={y + 20}
              width={width}
              height={barHeight}
              fill={colour}
            />
          </g>
        );
      })}
    </svg>
  );
}
