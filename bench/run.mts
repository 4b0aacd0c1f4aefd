/**
 * `npm run bench`: starts a throw-away PostgreSQL and Redis, runs every benchmark, prints a
 * table of results with ratios against baselines measured in the same run, and writes it to
 * bench/RESULTS.md. Machines are shared and noisy: read the ratios, not the absolute times.
 * `npm run bench -- pipeline memory` runs only the benchmarks whose names contain one of the
 * words, and prints their rows without touching RESULTS.md.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
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
import { engineStepsBench } from './engine-steps.bench.js';
import { followUpFanoutBench } from './follow-up-fanout.bench.js';
import { importCohortBench } from './import-cohort.bench.js';
import { memoryBench } from './memory.bench.js';
import { pacingBench } from './pacing.bench.js';
import { pipelineBench } from './pipeline.bench.js';
import { telegramPipelineBench } from './telegram-pipeline.bench.js';
import { textsRenderBench } from './texts-render.bench.js';

const all = [
  importCohortBench,
  pipelineBench,
  telegramPipelineBench,
  engineStepsBench,
  followUpFanoutBench,
  memoryBench,
  textsRenderBench,
  pacingBench,
];
const only = process.argv.slice(2).map((word) => word.toLowerCase());
const benches = all.filter(
  (bench) => only.length === 0 || only.some((word) => bench.name.toLowerCase().includes(word)),
);
const began = performance.now();

/** Two decimals, or two significant digits for ratios far below one (0.013×, not 0.01×). */
function ratio(result: BenchResult): string {
  const r = result.ratio;
  return `${r === 0 || r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

const postgres = await startPostgres();
const redis = await startRedis();
try {
  await createTemplateDatabase(postgres.adminUrl);
  const ctx: BenchContext = {
    redisUrl: redis.url,
    median,
    async database(options = {}) {
      const name = `bench_${randomUUID().replaceAll('-', '')}`;
      const template = options.template ?? TEMPLATE_DATABASE;
      await adminQuery(postgres.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      const url = databaseUrl(postgres.adminUrl, name);
      const { prisma, close } = await createPrismaClient({
        databaseUrl: url,
        dataDir: os.tmpdir(),
      });
      return {
        name,
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
  for (const bench of benches) {
    const started = performance.now();
    const rows = await bench(ctx);
    results.push(...rows);
    for (const r of rows) console.log(`${r.name}: ${r.value} | ${r.baseline} | ${ratio(r)}`);
    console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const table = [
    '| benchmark | result | baseline (same run) | ratio |',
    '| --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.value} | ${r.baseline} | ${ratio(r)} |`),
  ].join('\n');
  console.log(table);
  const wall = `${((performance.now() - began) / 60_000).toFixed(1)} min`;
  console.log(`bench wall time ${wall}`);
  if (only.length === 0) {
    const when = new Date().toISOString().slice(0, 10);
    const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
    const markdown = `# Benchmark results\n\nReproduce: \`npm run bench\` (starts its own PostgreSQL and Redis; ${os.cpus().length} cores, ${when}; the whole run took ${wall}).\nMedians of 3 runs unless a row says one run; ratios are against a baseline measured in the same run.\n\n${table}\n`;
    // Written as the formatting check expects it, so a fresh RESULTS.md can be committed as is.
    const options = await prettier.resolveConfig(file);
    writeFileSync(file, await prettier.format(markdown, { ...options, filepath: file }));
  }
} finally {
  await redis.stop();
  await postgres.stop();
}
