/** What every benchmark gets: throw-away databases on one Postgres, and a median helper. */
import type { PrismaClient } from '../src/store/prisma-client.js';

export interface BenchDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export interface BenchContext {
  database(): Promise<BenchDatabase>;
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
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}
