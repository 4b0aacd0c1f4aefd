/**
 * The indicator screen's filter and tables, in the staff member's language: the same header
 * and rows are shown on the page and downloaded as CSV.
 */
import type { IndicatorFilter, Indicators } from '../../../monitoring/indicators.js';
import type { PageContext } from '../../page-context.js';

export const tables = ['subgoals', 'counts', 'ladder'] as const;
export type Table = (typeof tables)[number];

export interface TableData {
  header: string[];
  rows: (string | number | null)[][];
  /** Which columns hold numbers (aligned to the end, formatted for the reader). */
  numeric: (column: number) => boolean;
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

export function tableOf(ctx: PageContext, indicators: Indicators, table: Table): TableData {
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
  const header = (columns: string[]) => columns.map((c) => ctx.t(`indicators.columns.${c}`));
  switch (table) {
    case 'subgoals':
      return {
        header: header(['subgoal', 'indicator', 'n', 'mean', 'percent']),
        rows: indicators.subgoals.map((r) => [
          ctx.t(`indicators.subgoals.${r.subgoal}`),
          r.indicator ? ctx.t(`indicators.items.${r.indicator}`) : ctx.t('indicators.noData'),
          r.n,
          r.mean,
          percent(r.share),
        ]),
        numeric: (i) => i >= 2,
      };
    case 'counts':
      return {
        header: header(['what', 'count']),
        rows: indicators.counts.map((r) => [ctx.t(`indicators.counts.${r.metric}`), r.count]),
        numeric: (i) => i === 1,
      };
    case 'ladder':
      return {
        header: header(['cohort', 'training', 'n', 'before', 'after']),
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
