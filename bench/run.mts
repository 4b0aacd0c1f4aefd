/**
 * `npm run bench`: starts a throw-away PostgreSQL and Redis, runs every benchmark, prints a
 * table of results with ratios against baselines measured in the same run, and writes it to
 * bench/RESULTS.md. Machines are shared and noisy: read the ratios, not the absolute times.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { createPrismaClient } from '../src/store/prisma-client.js';
import { startPostgres } from '../tests/support/start-postgres.js';
import { startRedis } from '../tests/support/start-redis.js';
import {
  adminQuery,
  createTemplateDatabase,
  databaseUrl,
  TEMPLATE_DATABASE,
} from '../tests/support/template-database.js';
import { median, type BenchContext, type BenchResult } from './bench-context.js';
import { importCohortBench } from './import-cohort.bench.js';

const benches = [importCohortBench];

const postgres = await startPostgres();
const redis = await startRedis();
try {
  await createTemplateDatabase(postgres.adminUrl);
  const ctx: BenchContext = {
    redisUrl: redis.url,
    median,
    async database() {
      const name = `bench_${randomUUID().replaceAll('-', '')}`;
      await adminQuery(postgres.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
      const url = databaseUrl(postgres.adminUrl, name);
      const { prisma, close } = await createPrismaClient({
        databaseUrl: url,
        dataDir: os.tmpdir(),
      });
      return {
        url,
        prisma,
        async drop() {
          await close();
          await adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
  };
  const results: BenchResult[] = [];
  for (const bench of benches) results.push(...(await bench(ctx)));
  const table = [
    '| benchmark | result | baseline (same run) | ratio |',
    '| --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.value} | ${r.baseline} | ${r.ratio.toFixed(2)}× |`),
  ].join('\n');
  console.log(table);
  const when = new Date().toISOString().slice(0, 10);
  writeFileSync(
    new URL('./RESULTS.md', import.meta.url),
    `# Benchmark results\n\nReproduce: \`npm run bench\` (starts its own PostgreSQL and Redis; ${os.cpus().length} cores, ${when}).\nMedians of 3 runs; ratios are against a baseline measured in the same run.\n\n${table}\n`,
  );
} finally {
  await redis.stop();
  await postgres.stop();
}
