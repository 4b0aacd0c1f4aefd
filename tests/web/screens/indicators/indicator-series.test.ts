import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../../src/store/finders/activity-finder.js';
import {
  activityTrend,
  agreementTrend,
  wijkComparison,
} from '../../../../src/web/screens/indicators/indicator-series.js';

const rows: ActivityRow[] = [
  { metric: 'talentenscans', month: '2026-01', wijk: 'stratum', count: 2 },
  // The same month and wijk twice: a live count and the anonymous count of the forgotten.
  { metric: 'talentenscans', month: '2026-01', wijk: 'stratum', count: 1 },
  { metric: 'talentenscans', month: '2026-03', wijk: 'centrum', count: 4 },
  { metric: 'signUps', month: '2026-02', wijk: null, count: 1 },
  { metric: 'matches', month: '2026-02', wijk: 'unknown', count: 5 },
];
const filter = { wijk: null, from: '2026-01', to: '2026-03' };

describe(activityTrend.name, () => {
  it('counts every metric in every month of the period, nought where nothing happened', () => {
    expect(activityTrend(rows, filter)).toEqual({
      months: ['2026-01', '2026-02', '2026-03'],
      series: [
        { metric: 'talentenscans', values: [3, 0, 4] },
        { metric: 'signUps', values: [0, 1, 0] },
        { metric: 'checkIns', values: [0, 0, 0] },
        { metric: 'matches', values: [0, 5, 0] },
      ],
    });
  });

  it('keeps to the chosen wijk', () => {
    const trend = activityTrend(rows, { ...filter, wijk: 'stratum' });
    expect(trend.series.map((s) => s.values)).toEqual([
      [3, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe(wijkComparison.name, () => {
  it('puts every wijk side by side in display order, the unknown together at the end', () => {
    const wijken = new Map([
      ['centrum', 'Centrum'],
      ['stratum', 'Stratum'],
      ['gestel', 'Gestel'],
    ]);
    expect(wijkComparison(rows, wijken).groups).toEqual([
      { wijk: 'centrum', values: [4, 0, 0, 0] },
      { wijk: 'stratum', values: [3, 0, 0, 0] },
      { wijk: 'gestel', values: [0, 0, 0, 0] },
      { wijk: null, values: [0, 1, 0, 5] },
    ]);
    const known = rows.filter((r) => r.wijk === 'stratum');
    expect(wijkComparison(known, wijken).groups.map((g) => g.wijk)).toEqual([
      'centrum',
      'stratum',
      'gestel',
    ]);
  });
});

describe(agreementTrend.name, () => {
  it('gives each subgoal with a score its share agreeing per month, none for a month without', () => {
    const trend = agreementTrend(
      [
        { subgoal: 'ontmoeting', month: '2026-01', wijk: 'stratum', scored: 2, agree: 1 },
        { subgoal: 'ontmoeting', month: '2026-01', wijk: 'centrum', scored: 2, agree: 2 },
        { subgoal: 'meedoen', month: '2026-03', wijk: 'centrum', scored: 4, agree: 1 },
      ],
      filter,
      ['ontmoeting', 'meedoen', 'zingeving'],
    );
    expect(trend.series).toEqual([
      { subgoal: 'ontmoeting', shares: [0.75, null, null], scored: [4, 0, 0] },
      { subgoal: 'meedoen', shares: [null, null, 0.25], scored: [0, 0, 4] },
    ]);
  });
});
