/**
 * A period of whole months (`YYYY-MM` to `YYYY-MM`, both included) as the instants the
 * finders compare with: from the first moment of the first month up to, not including, the
 * first moment after the last. Months are UTC months, as the anonymous counts keep them.
 */
export interface MonthRange {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`, included. */
  to: string;
}

export interface Period {
  gte: Date;
  lt: Date;
}

export function monthPeriod({ from, to }: MonthRange): Period {
  const last = new Date(`${to}-01T00:00:00.000Z`);
  return {
    gte: new Date(`${from}-01T00:00:00.000Z`),
    lt: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)),
  };
}

/** Every month of the range, in order: the x-axis of a trend. */
export function monthsOf({ from, to }: MonthRange): string[] {
  const months: string[] = [];
  const at = new Date(`${from}-01T00:00:00.000Z`);
  while (at.toISOString().slice(0, 7) <= to) {
    months.push(at.toISOString().slice(0, 7));
    at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return months;
}
