/**
 * The indicator screen's filter and its figures as tables, in the staff member's language:
 * the same header and rows are shown under each chart and downloaded as CSV.
 */
import { indicatorSubgoals } from '../../../flows/spec.js';
import type { IndicatorFilter, Indicators, SubgoalRow } from '../../../monitoring/indicators.js';
import type { TableData } from '../../components/numbers-table.js';
import type { PageContext } from '../../page-context.js';
import type { FunnelView } from './funnel-view.js';
import type { ActivityTrend, AgreementTrend, WijkComparison } from './indicator-series.js';

export const tables = [
  'trend',
  'subgoals',
  'agreement',
  'wijken',
  'funnels',
  'counts',
  'ladder',
] as const;
export type Table = (typeof tables)[number];

/** Everything the indicator screen shows, for one filter. */
export interface IndicatorData {
  indicators: Indicators;
  trend: ActivityTrend;
  agreement: AgreementTrend;
  wijken: WijkComparison;
  funnels: FunnelView[];
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filter from the query; by default the last twelve months, every wijk. */
export function readFilter(
  query: { wijk?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: Date,
  wijken: ReadonlyMap<string, string>,
): IndicatorFilter {
  const thisMonth = now.toISOString().slice(0, 7);
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))
    .toISOString()
    .slice(0, 7);
  const from = monthPattern.test(query.from ?? '') ? query.from! : yearAgo;
  const to = monthPattern.test(query.to ?? '') ? query.to! : thisMonth;
  const wijk = query.wijk && wijken.has(query.wijk) ? query.wijk : null;
  return from <= to ? { wijk, from, to } : { wijk, from: to, to: from };
}

/** A month (`YYYY-MM`) as a reader says it: "januari 2026". */
export function monthName(language: string, month: string, style: 'long' | 'short' = 'long') {
  return new Intl.DateTimeFormat(language, {
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A share (0–1) as a whole percentage, or null. */
export const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

const columns = (ctx: PageContext, names: string[]) =>
  names.map((c) => ctx.t(`indicators.columns.${c}`));

/** The subgoal rows (all, or those of one subgoal) as a table. */
export function subgoalTable(ctx: PageContext, rows: readonly SubgoalRow[]): TableData {
  return {
    header: columns(ctx, ['subgoal', 'indicator', 'n', 'mean', 'percent']),
    rows: rows.map((r) => [
      ctx.t(`indicators.subgoals.${r.subgoal}`),
      r.indicator ? ctx.t(`indicators.items.${r.indicator}`) : ctx.t('indicators.noData'),
      r.n,
      r.mean,
      percent(r.share),
    ]),
    numeric: (i) => i >= 2,
  };
}

/** Funnels as a table: each stage with how many got there and which share of who began. */
export function funnelTable(ctx: PageContext, funnels: readonly FunnelView[]): TableData {
  return {
    header: columns(ctx, ['questionnaire', 'stage', 'residents', 'percentStarted', 'median']),
    rows: funnels.flatMap((f) =>
      f.stages.map((stage, i) => {
        const base = f.stages[0]!.count;
        const last = i === f.stages.length - 1;
        return [
          f.title,
          stage.label,
          stage.count,
          base > 0 ? Math.round((stage.count / base) * 100) : null,
          last && f.medianSeconds !== null ? Math.round(f.medianSeconds / 60) : null,
        ];
      }),
    ),
    numeric: (i) => i >= 2,
  };
}

export function tableOf(
  ctx: PageContext,
  data: IndicatorData,
  table: Table,
  wijken: ReadonlyMap<string, string>,
): TableData {
  const { indicators } = data;
  const metricNames = data.trend.series.map((s) => ctx.t(`indicators.metrics.${s.metric}`));
  switch (table) {
    case 'trend':
      return {
        header: [ctx.t('indicators.columns.month'), ...metricNames],
        rows: data.trend.months.map((month, m) => [
          monthName(ctx.language, month),
          ...data.trend.series.map((s) => s.values[m]!),
        ]),
        numeric: (i) => i >= 1,
      };
    case 'subgoals':
      return subgoalTable(ctx, indicators.subgoals);
    case 'agreement':
      return {
        header: [
          ctx.t('indicators.columns.month'),
          ...data.agreement.series.map((s) => ctx.t(`indicators.subgoals.${s.subgoal}`)),
        ],
        rows: data.agreement.months.map((month, m) => [
          monthName(ctx.language, month),
          ...data.agreement.series.map((s) => percent(s.shares[m]!)),
        ]),
        numeric: (i) => i >= 1,
      };
    case 'wijken':
      return {
        header: [ctx.t('indicators.columns.wijk'), ...metricNames],
        rows: data.wijken.groups.map((g) => [
          g.wijk === null ? ctx.t('indicators.unknownWijk') : (wijken.get(g.wijk) ?? g.wijk),
          ...g.values,
        ]),
        numeric: (i) => i >= 1,
      };
    case 'funnels':
      return funnelTable(ctx, data.funnels);
    case 'counts':
      return {
        header: columns(ctx, ['what', 'count']),
        rows: indicators.counts.map((r) => [ctx.t(`indicators.counts.${r.metric}`), r.count]),
        numeric: (i) => i === 1,
      };
    case 'ladder':
      return {
        header: columns(ctx, ['cohort', 'training', 'n', 'before', 'after']),
        rows: indicators.ladder.map((r) => [
          r.cohort,
          ctx.t(`indicators.trainings.${r.training}`),
          r.n,
          r.before,
          r.after,
        ]),
        numeric: (i) => i >= 2,
      };
  }
}

/** The subgoals in the Movisie order, each with its rows. */
export function bySubgoal(rows: readonly SubgoalRow[]) {
  return indicatorSubgoals.map((subgoal) => ({
    subgoal,
    rows: rows.filter((r) => r.subgoal === subgoal && r.indicator !== ''),
  }));
}
