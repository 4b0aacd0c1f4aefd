/**
 * Property-based fuzz test of the whole pipeline: simulator channel → inbound handler →
 * engine → PostgreSQL. Over 10,000 generated hostile messages (random Unicode, RTL and
 * zero-width marks, emoji sequences, 64 KiB strings, only whitespace, control characters,
 * lone surrogates, SQL/HTML-looking strings, numbers out of range, keywords and commands in
 * the middle of a question, media, taps with random or stale ids) reach residents at random
 * points of every flow. For every message: no exception, a reply in the resident's language,
 * no earlier answer lost; after each run the conversation can still be finished with a
 * complete talentenscan. What is generated: `hostile-inputs.ts`; what is checked, and how:
 * `resident.ts` (every message) and `scenario.ts` (every run).
 *
 * Seeded and reproducible: FUZZ_SEED (default below, or `random`) seeds every shard; a
 * failure prints the command that replays just the failing run (FUZZ_SHARD + FUZZ_PATH).
 * Each message costs several milliseconds of CPU in the app itself (mostly Prisma), so the
 * runs are spread over FUZZ_SHARDS shards (default 4) in FUZZ_PROCESSES child processes
 * (default 2), all on one test database. Other
 * knobs: FUZZ_RUNS (total runs, e.g. fewer for a quick local check), FUZZ_SHRINK=1 (shrink
 * a failure; slow, every attempt is a whole conversation). The slowest message is reported,
 * not judged: how long a message takes is measured in the benchmarks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createDeliveryLog } from './shared-delivery-log.js';
import type { ShardConfig, ShardMessage, ShardResult } from './shard.js';

const defaultSeed = 20_261_122;
const minimumInputs = 10_000;
const hostile = { min: 180, max: 200 };
/**
 * The work is bounded by count (runs of hostile messages), not by time: a busy machine takes
 * longer, which is no failure. A shard process that has not finished after `hangGuardMs` is
 * stopped and reported with where it was, only to guard against a hang.
 */
const hangGuardMs = 3_600_000;

const env = process.env;
const seed =
  env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(env.FUZZ_SEED ?? defaultSeed);
const shardCount = Number(env.FUZZ_SHARDS ?? 4);
const processCount = Number(env.FUZZ_PROCESSES ?? 2);
const runsPerShard = env.FUZZ_RUNS
  ? Math.ceil(Number(env.FUZZ_RUNS) / shardCount)
  : Math.ceil(minimumInputs / (shardCount * hostile.min));
const onlyShard = env.FUZZ_SHARD === undefined ? undefined : Number(env.FUZZ_SHARD);
const replayPath = env.FUZZ_PATH;
const root = path.resolve(import.meta.dirname, '../..');

/** Each shard's own seed: different FUZZ_SEEDs give shards that do not overlap. */
function shardSeed(shard: number): number {
  return (Math.imul(seed, 31) + Math.imul(shard + 1, 0x9e3779b1)) | 0;
}

/** Runs the config's shards in a child process; resolves with one result per shard. */
function runProcess(config: ShardConfig): Promise<ShardResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'shard.ts')],
      {
        cwd: root,
        env: { ...env, FUZZ_SHARD_CONFIG: JSON.stringify(config) },
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      },
    );
    const results: ShardResult[] = [];
    const last = new Map<number, string>();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('message', (message: ShardMessage) => {
      if (message.type === 'progress') last.set(message.shard, message.note);
      else results.push(message);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const where = config.shards
        .filter(({ shard }) => !results.some((r) => r.shard === shard))
        .map(
          ({ shard, seed }) => `shard ${shard} (seed ${seed}) at ${last.get(shard) ?? '(start)'}`,
        );
      reject(new Error(`not finished within ${hangGuardMs / 1000} s: ${where.join('; ')}`));
    }, hangGuardMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (results.length === config.shards.length) resolve(results);
      else
        reject(new Error(`a shard process exited (${code ?? signal}) without results:\n${stderr}`));
    });
  });
}

/**
 * Each resident's replies are checked against a delivery log in the test database, not a
 * per-process recording: the outbox lets a sweeper in one shard process send what another
 * wrote (as a second replica would), and a per-process recording once counted such a reply
 * as lost.
 */
describe('pipeline fuzz', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await createDeliveryLog(client).finally(() => client.end());
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(
    `${minimumInputs}+ hostile messages at random points of every flow`,
    async () => {
      const shards =
        onlyShard === undefined ? Array.from({ length: shardCount }, (_, i) => i) : [onlyShard];
      console.log(
        `pipeline fuzz: FUZZ_SEED=${seed}, ${shardCount} shards in ${processCount} processes, ${shardCount * runsPerShard} runs of ${hostile.min}-${hostile.max} hostile messages${replayPath ? `, replaying shard ${onlyShard} path ${replayPath}` : ''}`,
      );
      const started = Date.now();
      const processes = Array.from({ length: processCount }, (_, p) =>
        shards.filter((_, i) => i % processCount === p),
      ).filter((group) => group.length > 0);
      const results = (
        await Promise.all(
          processes.map((group) =>
            runProcess({
              databaseUrl: db.url,
              shards: group.map((shard) => ({ shard, seed: shardSeed(shard) })),
              numRuns: runsPerShard,
              ...(replayPath ? { path: replayPath } : {}),
              shrink: env.FUZZ_SHRINK === '1',
              hostile,
            }),
          ),
        )
      ).flat();

      const sum = (f: (r: ShardResult) => number) => results.reduce((n, r) => n + f(r), 0);
      const categories: Record<string, { count: number; ms: number }> = {};
      const points: Record<string, number> = {};
      const visited: Record<string, number> = {};
      for (const r of results) {
        for (const [k, { count, ms }] of Object.entries(r.stats.categories)) {
          const total = (categories[k] ??= { count: 0, ms: 0 });
          total.count += count;
          total.ms += ms;
        }
        for (const [k, n] of Object.entries(r.stats.points)) points[k] = (points[k] ?? 0) + n;
        for (const [k, n] of Object.entries(r.stats.visited)) visited[k] = (visited[k] ?? 0) + n;
      }
      const kinds = Object.entries(categories)
        .sort(([, a], [, b]) => b.count - a.count)
        .map(([k, { count, ms }]) => `${k} ${count} (${(ms / count).toFixed(1)} ms)`);
      console.log(
        [
          `pipeline fuzz: ${sum((r) => r.runs)} runs, ${sum((r) => r.stats.hostile)} hostile messages, ${sum((r) => r.stats.messages)} messages in all, ${((Date.now() - started) / 1000).toFixed(1)} s, slowest message ${Math.max(...results.map((r) => r.stats.slowestMs)).toFixed(0)} ms`,
          `  by kind (count, mean time): ${kinds.join(', ')}`,
          `  ${Object.keys(points).length} starting points: ${JSON.stringify(points)}`,
          `  hostile messages arrived at ${Object.keys(visited).length} questions: ${JSON.stringify(visited)}`,
        ].join('\n'),
      );

      const failures = results
        .filter((r) => r.failed)
        .map(
          (r) =>
            `shard ${r.shard} (seed ${r.seed}) failed in run ${r.runs}:\n${r.error}\n` +
            `Replay only this run: FUZZ_SEED=${seed} FUZZ_SHARD=${r.shard} FUZZ_PATH=${JSON.stringify(r.path)} npx vitest run tests/fuzz`,
        );
      if (failures.length > 0) throw new Error(failures.join('\n\n'));
      if (!replayPath && onlyShard === undefined && env.FUZZ_RUNS === undefined) {
        expect(sum((r) => r.stats.hostile)).toBeGreaterThanOrEqual(minimumInputs);
      }
    },
    hangGuardMs + 60_000,
  );
});
