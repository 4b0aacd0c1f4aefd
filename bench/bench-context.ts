/** What every benchmark gets: throw-away databases on one Postgres, and a median helper. */
import type { PrismaClient } from '../src/store/prisma-client.js';

export interface BenchDatabase {
  /** The database's name on the server, e.g. to copy it with `database({ template })`. */
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export interface BenchContext {
  /**
   * A fresh database, copied from the migrated template, or from `template` (a database
   * prepared once and copied per run; it must have no open connections).
   */
  database(options?: { template?: string }): Promise<BenchDatabase>;
  redisUrl: string;
  median(runs: number, measure: () => Promise<number>): Promise<number>;
}

export interface BenchResult {
  name: string;
  value: string;
  baseline: string;
  /** value / baseline, both measured in this run. */
  ratio: number;
}

export async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return middle(values);
}

/** The median of several runs of a measurement that yields several figures at once. */
export async function medians<K extends string>(
  runs: number,
  measure: () => Promise<Record<K, number>>,
): Promise<Record<K, number>> {
  const results: Record<K, number>[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure());
  const keys = Object.keys(results[0]!) as K[];
  return Object.fromEntries(keys.map((k) => [k, middle(results.map((r) => r[k]))])) as Record<
    K,
    number
  >;
}

/** The value below which `p` (0–1) of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
