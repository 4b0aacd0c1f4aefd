/**
 * The indicator screen's series, worked out from the finders' rows per month and wijk: the
 * activity per month (for the chosen wijk, or all), the share agreeing per subgoal per month,
 * and the wijken side by side over the whole period (always every wijk, to compare).
 */
import { activityMetrics, type ActivityRow } from '../../../store/finders/activity-finder.js';
import type { AgreementRow } from '../../../store/finders/agreement-finder.js';
import { monthsOf } from '../../../store/finders/month-period.js';
import type { IndicatorFilter } from '../../../monitoring/indicators.js';

export interface ActivityTrend {
  months: string[];
  /** One series per activity metric, a count per month. */
  series: { metric: (typeof activityMetrics)[number]; values: number[] }[];
}

export interface AgreementTrend {
  months: string[];
  /** Per subgoal with any score in the period: per month the share agreeing (null: no score). */
  series: { subgoal: string; shares: (number | null)[]; scored: number[] }[];
}

export interface WijkComparison {
  /** Per wijk in display order, then "unknown" when something has no known wijk. */
  groups: { wijk: string | null; values: number[] }[];
}

const inWijk = (wijk: string | null) => (row: { wijk: string | null }) =>
  wijk === null || row.wijk === wijk;

export function activityTrend(
  rows: readonly ActivityRow[],
  filter: IndicatorFilter,
): ActivityTrend {
  const months = monthsOf(filter);
  const own = rows.filter(inWijk(filter.wijk));
  return {
    months,
    series: activityMetrics.map((metric) => ({
      metric,
      values: months.map((month) =>
        own
          .filter((r) => r.metric === metric && r.month === month)
          .reduce((sum, r) => sum + r.count, 0),
      ),
    })),
  };
}

export function agreementTrend(
  rows: readonly AgreementRow[],
  filter: IndicatorFilter,
  subgoals: readonly string[],
): AgreementTrend {
  const months = monthsOf(filter);
  const own = rows.filter(inWijk(filter.wijk));
  return {
    months,
    series: subgoals
      .map((subgoal) => {
        const per = months.map((month) => {
          const cells = own.filter((r) => r.subgoal === subgoal && r.month === month);
          return {
            scored: cells.reduce((sum, r) => sum + r.scored, 0),
            agree: cells.reduce((sum, r) => sum + r.agree, 0),
          };
        });
        return {
          subgoal,
          shares: per.map((m) => (m.scored > 0 ? m.agree / m.scored : null)),
          scored: per.map((m) => m.scored),
        };
      })
      .filter((s) => s.scored.some((n) => n > 0)),
  };
}

export function wijkComparison(
  rows: readonly ActivityRow[],
  wijken: ReadonlyMap<string, string>,
): WijkComparison {
  const total = (wijk: (id: string | null) => boolean) =>
    activityMetrics.map((metric) =>
      rows.filter((r) => r.metric === metric && wijk(r.wijk)).reduce((sum, r) => sum + r.count, 0),
    );
  const known = [...wijken.keys()].map((id) => ({ wijk: id, values: total((w) => w === id) }));
  const unknown = total((w) => w === null || !wijken.has(w));
  return {
    groups: unknown.some((n) => n > 0) ? [...known, { wijk: null, values: unknown }] : known,
  };
}
