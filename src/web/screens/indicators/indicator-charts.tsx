/**
 * The indicator screen's charts, each a figure with its numbers as a table: activity per
 * month, a chart per subgoal, agreement per subgoal over the months, the wijken side by side,
 * a funnel per questionnaire and the participation ladder per cohort.
 */
import type { Child } from 'hono/jsx';
import type { Indicators } from '../../../monitoring/indicators.js';
import { BarChart } from '../../components/charts/bar-chart.js';
import { ChartFigure } from '../../components/charts/chart-figure.js';
import { FunnelChart } from '../../components/charts/funnel-chart.js';
import { GroupedBarChart } from '../../components/charts/grouped-bar-chart.js';
import { LineChart, type Category } from '../../components/charts/line-chart.js';
import { NumbersTable, type TableData } from '../../components/numbers-table.js';
import type { PageContext } from '../../page-context.js';
import type { FunnelView } from './funnel-view.js';
import {
  bySubgoal,
  funnelTable,
  monthName,
  subgoalTable,
  tableOf,
  type IndicatorData,
} from './indicator-tables.js';

interface ChartProps {
  ctx: PageContext;
  data: IndicatorData;
  wijken: ReadonlyMap<string, string>;
}

const formats = (language: string) => ({
  number: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format,
  /** A percentage given as 0–100. */
  percent: (value: number) =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
      value / 100,
    ),
});

interface FigureProps {
  ctx: PageContext;
  id: string;
  caption: string;
  table: TableData;
  chart: Child;
  legend?: string[];
}

function Figure(props: FigureProps) {
  const { ctx, id, caption, table, chart, legend } = props;
  return (
    <ChartFigure
      id={id}
      caption={caption}
      chart={chart}
      legend={legend}
      tableLabel={ctx.t('indicators.numbers')}
      table={<NumbersTable id={`table-${id}`} table={table} language={ctx.language} />}
    />
  );
}

const months = (ctx: PageContext, list: readonly string[]): Category[] =>
  list.map((month, i) => ({
    label: monthName(ctx.language, month, 'short'),
    sub: i === 0 || month.endsWith('-01') ? month.slice(0, 4) : undefined,
  }));

export function TrendChart({ ctx, data, wijken }: ChartProps) {
  const { number } = formats(ctx.language);
  const legend = data.trend.series.map((s) => ctx.t(`indicators.metrics.${s.metric}`));
  return (
    <Figure
      ctx={ctx}
      id="trend"
      caption={ctx.t('indicators.trendTitle')}
      table={tableOf(ctx, data, 'trend', wijken)}
      legend={legend}
      chart={
        <LineChart
          id="trend-chart"
          title={ctx.t('indicators.trendTitle')}
          categories={months(ctx, data.trend.months)}
          series={data.trend.series.map((s, i) => ({ label: legend[i]!, values: s.values }))}
          format={number}
        />
      }
    />
  );
}

export function SubgoalCharts({ ctx, indicators }: { ctx: PageContext; indicators: Indicators }) {
  const { percent } = formats(ctx.language);
  return (
    <div class="chart-grid">
      {bySubgoal(indicators.subgoals).map(({ subgoal, rows }) => {
        const name = ctx.t(`indicators.subgoals.${subgoal}`);
        const title = ctx.t('indicators.subgoalTitle', { subgoal: name });
        if (rows.length === 0) {
          return (
            <section class="chart-cell" aria-label={name}>
              <h3>{name}</h3>
              <p class="notice">{ctx.t('indicators.noData')}</p>
            </section>
          );
        }
        return (
          <section class="chart-cell" aria-label={name}>
            <h3>{name}</h3>
            <Figure
              ctx={ctx}
              id={`subgoal-${subgoal}`}
              caption={title}
              table={subgoalTable(ctx, rows)}
              chart={
                <BarChart
                  id={`subgoal-${subgoal}-chart`}
                  title={title}
                  max={100}
                  bars={rows.map((r) => ({
                    label: ctx.t(`indicators.items.${r.indicator}`),
                    value: r.share === null ? null : r.share * 100,
                    text:
                      r.share === null
                        ? ctx.t('indicators.answers', { count: r.n })
                        : ctx.t('indicators.shareOf', {
                            percent: percent(r.share * 100),
                            count: r.n,
                          }),
                  }))}
                />
              }
            />
          </section>
        );
      })}
    </div>
  );
}

export function AgreementChart({ ctx, data, wijken }: ChartProps) {
  const { percent } = formats(ctx.language);
  if (data.agreement.series.length === 0) {
    return <p class="notice">{ctx.t('indicators.noScores')}</p>;
  }
  const legend = data.agreement.series.map((s) => ctx.t(`indicators.subgoals.${s.subgoal}`));
  return (
    <Figure
      ctx={ctx}
      id="agreement"
      caption={ctx.t('indicators.agreementTitle')}
      table={tableOf(ctx, data, 'agreement', wijken)}
      legend={legend}
      chart={
        <LineChart
          id="agreement-chart"
          title={ctx.t('indicators.agreementTitle')}
          categories={months(ctx, data.agreement.months)}
          series={data.agreement.series.map((s, i) => ({
            label: legend[i]!,
            values: s.shares.map((share) => (share === null ? null : share * 100)),
          }))}
          max={100}
          format={percent}
        />
      }
    />
  );
}

export function WijkChart({ ctx, data, wijken }: ChartProps) {
  const { number } = formats(ctx.language);
  const table = tableOf(ctx, data, 'wijken', wijken);
  const legend = data.trend.series.map((s) => ctx.t(`indicators.metrics.${s.metric}`));
  return (
    <Figure
      ctx={ctx}
      id="wijken"
      caption={ctx.t('indicators.wijkenTitle')}
      table={table}
      legend={legend}
      chart={
        <GroupedBarChart
          id="wijken-chart"
          title={ctx.t('indicators.wijkenTitle')}
          series={legend}
          groups={data.wijken.groups.map((g, i) => ({
            label: String(table.rows[i]![0]),
            values: g.values,
          }))}
          format={number}
        />
      }
    />
  );
}

export function FunnelCharts({
  ctx,
  funnels,
}: {
  ctx: PageContext;
  funnels: readonly FunnelView[];
}) {
  const { number, percent } = formats(ctx.language);
  return (
    <div class="chart-grid">
      {funnels.map((funnel) => {
        const title = ctx.t('indicators.funnel.title', { questionnaire: funnel.title });
        return (
          <section class="chart-cell" aria-label={funnel.title}>
            <h3>{funnel.title}</h3>
            {funnel.stages[0]!.count === 0 ? (
              <p class="notice">{ctx.t('indicators.funnel.none')}</p>
            ) : (
              <>
                <Figure
                  ctx={ctx}
                  id={`funnel-${funnel.flowId}`}
                  caption={title}
                  table={funnelTable(ctx, [funnel])}
                  chart={
                    <FunnelChart
                      id={`funnel-${funnel.flowId}-chart`}
                      title={title}
                      stages={funnel.stages}
                      format={(count, share) => `${number(count)} (${percent(share * 100)})`}
                    />
                  }
                />
                {funnel.medianSeconds !== null && (
                  <p>
                    {ctx.t('indicators.funnel.median', {
                      time: duration(ctx.language, funnel.medianSeconds),
                    })}
                  </p>
                )}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function LadderChart({ ctx, data, wijken }: ChartProps) {
  const { number } = formats(ctx.language);
  const series = [ctx.t('indicators.columns.before'), ctx.t('indicators.columns.after')];
  return (
    <Figure
      ctx={ctx}
      id="ladder"
      caption={ctx.t('indicators.chartTitle')}
      table={tableOf(ctx, data, 'ladder', wijken)}
      legend={series}
      chart={
        <GroupedBarChart
          id="ladder-chart"
          title={ctx.t('indicators.chartTitle')}
          series={series}
          groups={data.indicators.ladder.map((r) => ({
            label: r.cohort,
            values: [r.before, r.after],
          }))}
          max={6}
          format={number}
        />
      }
    />
  );
}

/** How long, in the largest unit that reads well: "12 minuten", "3 uur", "2 dagen". */
export function duration(language: string, seconds: number): string {
  const minutes = seconds / 60;
  const [value, unit] =
    minutes < 90
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [minutes / 60, 'hour']
        : [minutes / 1440, 'day'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(Math.max(1, Math.round(value)));
}
