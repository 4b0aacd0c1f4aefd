/**
 * The Buurt in Bloei indicators for a wijk (or all) and a period of whole months: the
 * Movisie subgoals from the answers residents gave (check-ins, follow-ups) plus the counts
 * kept for residents who were forgotten since (`AnonymousTally`); the counts the evaluation
 * tracks (talentenscans, WIJ match sign-ups, matches by kind); and trainees' step on the
 * participation ladder before the training and one year after, per cohort.
 */
import { indicatorSubgoals } from '../flows/spec.js';
import type { Store } from '../store/store.js';
import { matchKinds } from '../wijmatch/record-match.js';

export interface IndicatorFilter {
  wijk: string | null;
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, included. */
  to: string;
}

export interface SubgoalRow {
  subgoal: (typeof indicatorSubgoals)[number];
  indicator: string;
  /** How many answers (or judged matches). */
  n: number;
  /** Mean on the five-point agree scale, when the answers are scores. */
  mean: number | null;
  /** Share agreeing (4 or 5), or share of matches that lasted. */
  share: number | null;
}

export interface CountRow {
  metric: string;
  count: number;
}

export interface LadderRow {
  cohort: string;
  training: string;
  /** Trainees who answered the follow-up with a step, and had a step at the start. */
  n: number;
  before: number | null;
  after: number | null;
}

export interface Indicators {
  subgoals: SubgoalRow[];
  counts: CountRow[];
  ladder: LadderRow[];
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00.000Z`);
const monthAfter = (month: string) => {
  const d = monthStart(month);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

/** Running sums for one indicator. */
class Tally {
  n = 0;
  scored = 0;
  sum = 0;
  agree = 0;
  add(value: unknown, count = 1): void {
    this.n += count;
    const score = typeof value === 'number' ? value : Number.NaN;
    if (Number.isInteger(score) && score >= 1 && score <= 5) {
      this.scored += count;
      this.sum += score * count;
      if (score >= 4) this.agree += count;
    }
  }
  row(subgoal: SubgoalRow['subgoal'], indicator: string): SubgoalRow {
    const scored = this.scored > 0;
    return {
      subgoal,
      indicator,
      n: this.n,
      mean: scored ? round(this.sum / this.scored, 1) : null,
      share: scored ? round(this.agree / this.scored, 2) : null,
    };
  }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export async function computeIndicators(
  store: Store,
  filter: IndicatorFilter,
): Promise<Indicators> {
  const period = { gte: monthStart(filter.from), lt: monthAfter(filter.to) };
  const { wijk } = filter;
  const read = store.indicators;

  const tallies = new Map<string, Tally>();
  const tally = (indicator: string) => {
    let t = tallies.get(indicator);
    if (!t) tallies.set(indicator, (t = new Tally()));
    return t;
  };
  const answers = await read.answers(period, wijk);
  for (const a of answers) tally(a.indicator!).add(a.value);
  const forgotten = await read.tallies(filter.from, filter.to, wijk);
  for (const t of forgotten) {
    if (t.metric.includes('.') && indicatorSubgoals.some((g) => t.metric.startsWith(`${g}.`))) {
      tally(t.metric).add(/^\d+$/.test(t.value) ? Number(t.value) : t.value, t.count);
    }
  }

  const judged = await read.judgedMatches(period, wijk);
  const lasted = judged.find((j) => j.lasting === true)?.count ?? 0;
  const judgedCount = judged.reduce((sum, j) => sum + j.count, 0);
  const matchesByKind = await read.matchesByKind(period, wijk);
  const matchCount = matchesByKind.reduce((sum, m) => sum + m.count, 0);

  const subgoals: SubgoalRow[] = [];
  for (const subgoal of indicatorSubgoals) {
    const own = [...tallies.keys()].filter((k) => k.startsWith(`${subgoal}.`)).sort();
    for (const indicator of own) subgoals.push(tallies.get(indicator)!.row(subgoal, indicator));
    if (subgoal === 'duurzameVerbinding') {
      subgoals.push({
        subgoal,
        indicator: 'duurzameVerbinding.matchLasted',
        n: judgedCount,
        mean: null,
        share: judgedCount > 0 ? round(lasted / judgedCount, 2) : null,
      });
    }
    if (subgoal === 'verbindingWijk') {
      subgoals.push({
        subgoal,
        indicator: 'verbindingWijk.matches',
        n: matchCount,
        mean: null,
        share: null,
      });
    }
    if (!subgoals.some((r) => r.subgoal === subgoal)) {
      subgoals.push({ subgoal, indicator: '', n: 0, mean: null, share: null });
    }
  }

  const forgottenCount = (metric: string, value?: string) =>
    forgotten
      .filter((t) => t.metric === metric && (value === undefined || t.value === value))
      .reduce((sum, t) => sum + t.count, 0);
  const scans = await read.talentenscans(period, wijk);
  const signUps = await read.signUpsByKind(period, wijk);
  const checkIns = await read.checkIns(period, wijk);
  const counts: CountRow[] = [
    { metric: 'talentenscans', count: scans + forgottenCount('talentenscan.completed') },
    { metric: 'checkIns', count: checkIns + forgottenCount('checkIn.run') },
    ...['offer', 'request', 'both'].map((kind) => ({
      metric: `signUps.${kind}`,
      count:
        (signUps.find((s) => s.kind === kind)?.count ?? 0) +
        forgottenCount('wijMatch.signUp', kind),
    })),
    ...matchKinds.map((kind) => ({
      metric: `matches.${kind}`,
      count: matchesByKind.find((m) => m.kind === kind)?.count ?? 0,
    })),
    { metric: 'matches.lasting', count: lasted },
  ];

  const followUps = await read.ladderSteps(period, wijk);
  const cohorts = new Map<string, LadderRow & { sumBefore: number; sumAfter: number }>();
  for (const f of followUps) {
    const { cohort } = f.enrolment;
    const key = `${cohort.training}\u0000${cohort.name}`;
    const row = cohorts.get(key) ?? {
      cohort: cohort.name,
      training: cohort.training,
      n: 0,
      before: null,
      after: null,
      sumBefore: 0,
      sumAfter: 0,
    };
    row.n += 1;
    row.sumBefore += f.enrolment.ladderStart!;
    row.sumAfter += f.ladderNow!;
    cohorts.set(key, row);
  }
  const ladder = [...cohorts.values()]
    .map(({ sumBefore, sumAfter, ...row }) => ({
      ...row,
      before: round(sumBefore / row.n, 1),
      after: round(sumAfter / row.n, 1),
    }))
    .sort((a, b) => a.cohort.localeCompare(b.cohort));
  return { subgoals, counts, ladder };
}
