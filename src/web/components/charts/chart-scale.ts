/**
 * The arithmetic every chart shares: a round top for an axis (so the scale reads 0, 5, 10 …
 * rather than 0, 3.25 …), the ticks under it, and labels cut to what fits a phone's width.
 * Charts draw in a viewBox `chartWidth` units wide: on a 412 px phone that is about one unit
 * per pixel, so text of 13 units stays legible.
 */

/** The width of every chart's viewBox. */
export const chartWidth = 400;

/** Characters of a label that fit the full chart width at the chart's text size. */
export const labelFits = 52;

/** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above `value`. */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** `count` + 1 evenly spaced ticks from 0 to `max`, both included. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** `label`, cut with an ellipsis when it is longer than `max` characters. */
export function truncate(label: string, max = labelFits): string {
  const chars = [...label];
  return chars.length <= max
    ? label
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** `value` as a share of `max`, between 0 and 1. */
export function fraction(value: number, max: number): number {
  return max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
}

/** A coordinate with two decimals: the same drawing, a shorter document. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
