/**
 * A child process of the pipeline fuzz test (`node --import tsx`): runs its shards side by
 * side, each with its own seed, its own app instance on the shared test database and its
 * own residents, and reports one result per shard over IPC. Two processes use both cores;
 * two shards per process overlap one shard's database round trips with the other's work.
 */
import fc from 'fast-check';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { simulatorChannel } from '../../src/bots/simulator/to-inbound.js';
import type { Logger } from '../../src/conversations/ports.js';
import { pinnedClock } from '../support/golden.js';
import { SharedRecordingChannel } from './shared-delivery-log.js';
import { createLanguageOracle } from './language-oracle.js';
import { describeInput, PropertyFailure, type FuzzContext } from './resident.js';
import { runScenario, scenarioArbitrary, type RunStats } from './scenario.js';
import { testIdSecret } from '../support/test-id-secret.js';

export interface ShardConfig {
  databaseUrl: string;
  /** The shards this process runs side by side, each with its own seed, app and residents. */
  shards: { shard: number; seed: number }[];
  numRuns: number;
  /** Replays one failing run (fast-check's counterexample path). */
  path?: string;
  /** Shrink a failure to a smaller scenario (slow: every attempt is a whole conversation). */
  shrink: boolean;
  hostile: { min: number; max: number };
}

export interface ShardResult {
  type: 'result';
  shard: number;
  seed: number;
  runs: number;
  failed: boolean;
  path: string | undefined;
  error: string | undefined;
  stats: RunStats & { messages: number; slowestMs: number };
  ms: number;
}

export type ShardMessage = { type: 'progress'; shard: number; note: string } | ShardResult;

function send(message: ShardMessage): void {
  process.send?.(message);
}

async function runShard(config: ShardConfig, shard: number, seed: number): Promise<ShardResult> {
  const started = Date.now();
  const loggedErrors: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (fields, message) => loggedErrors.push(`${message} ${JSON.stringify(fields)}`),
  };
  const clock = pinnedClock();
  const app = await createApp(
    {
      databaseUrl: config.databaseUrl,
      dataDir: '/nonexistent',
      defaultLanguage: 'nl',
      idSecret: testIdSecret,
    },
    logger,
    // Like createTestApp: a script types faster than any person, so no flood control.
    { clock: clock.now, flood: false },
  );
  const db = new pg.Client({ connectionString: config.databaseUrl });
  await db.connect();
  // Connections of its own, pooled: sends happen while the resident's checks query `db`, and
  // the outbox sends to many chats at once, each send writing its entry.
  const log = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
  const channel = new SharedRecordingChannel(simulatorChannel, log);
  app.router.add(channel);
  try {
    const verbinderId = `fuzz-verbinder-${shard}`;
    await app.prisma.verbinder.create({
      data: {
        name: `Fuzz ${shard}`,
        role: 'coordinator',
        language: 'nl',
        channel: simulatorChannel,
        externalId: verbinderId,
        linkedAt: clock.now(),
      },
    });
    const wijken = await app.prisma.wijk.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true },
    });
    const result: ShardResult = {
      type: 'result',
      shard,
      seed,
      runs: 0,
      failed: false,
      path: undefined,
      error: undefined,
      stats: { hostile: 0, categories: {}, points: {}, visited: {}, messages: 0, slowestMs: 0 },
      ms: 0,
    };
    const ctx: FuzzContext = {
      app: { ...app, channel, clock },
      db,
      oracle: createLanguageOracle(),
      sets: { wijken },
      loggedErrors,
      verbinderId,
      stats: result.stats,
      progress: (input) => send({ type: 'progress', shard, note: describeInput(input) }),
    };
    let user = 0;
    const details = await fc.check(
      fc.asyncProperty(scenarioArbitrary(config.hostile), async (scenario) => {
        result.runs += 1;
        await runScenario(ctx, scenario, `fuzz-${shard}-${++user}`, result.stats);
      }),
      {
        seed,
        // A replay runs just the run at `path`.
        numRuns: config.path ? 1 : config.numRuns,
        endOnFailure: !config.shrink,
        ...(config.path ? { path: config.path } : {}),
      },
    );
    if (details.failed) {
      const error = details.errorInstance;
      result.failed = true;
      result.path = details.counterexamplePath ?? undefined;
      result.error =
        error instanceof PropertyFailure
          ? error.message
          : `${String(error)}\n${error instanceof Error ? (error.stack ?? '') : ''}`;
    }
    result.ms = Date.now() - started;
    return result;
  } finally {
    await app.close();
    await db.end();
    await log.end();
  }
}

const config = JSON.parse(process.env.FUZZ_SHARD_CONFIG ?? 'null') as ShardConfig | null;
if (!config) throw new Error('FUZZ_SHARD_CONFIG is not set: this runs under pipeline.fuzz.test.ts');
// Without the parent test there is nobody to report to.
process.on('disconnect', () => process.exit(2));
await Promise.all(
  config.shards.map(async ({ shard, seed }) => send(await runShard(config, shard, seed))),
);
process.disconnect?.();
