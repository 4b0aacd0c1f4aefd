/**
 * Pipeline throughput and latency: 200 residents chat at the same time, each sending eight
 * messages one after the other (hello, language, consent, monitoring, then the talentenscan
 * from the menu and its first answers) through the real inbound handler: simulator channel →
 * pure engine → one Postgres transaction → reply. The baseline is the floor a persisted
 * message cannot beat: the same 200 sequential writers committing one single-row INSERT per
 * message on the same database, through a connection pool as large as the app's (pg's
 * default of 10).
 */
import pg from 'pg';
import { consentNl, say } from '../tests/support/conversation-driver.js';
import { createBenchApp } from './bench-app.js';
import { medians, percentile, type BenchContext, type BenchResult } from './bench-context.js';

const conversations = 200;
const script = [...consentNl, '1', 'Van koken', 'Koken', '1, 2'];
const poolSize = 10;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `send(conversation, line)` for every line, the conversations concurrently. */
async function chat(send: (conversation: number, line: string) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      for (const line of script) {
        const sent = performance.now();
        await send(c, line);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function pipelineRun(ctx: BenchContext): Promise<Run> {
  const db = await ctx.database();
  const app = await createBenchApp(db.url);
  try {
    const [expected] = await say(app, 'warm-up', ...script);
    const last = new Map<number, string | undefined>();
    const run = await chat(async (c, line) => {
      const [reply] = await say(app, `resident-${c}`, line);
      last.set(c, reply?.text);
    });
    const lost = [...last.values()].filter((text) => text !== expected?.text).length;
    if (lost > 0) throw new Error(`${lost} conversations did not reach the scan's fourth question`);
    return run;
  } finally {
    await app.close();
    await db.drop();
  }
}

async function singleRowCommitRun(ctx: BenchContext): Promise<Run> {
  const db = await ctx.database();
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize });
  // A connection can still be closing when the database is dropped right after `pool.end()`;
  // its "terminating connection" error is then no failure of the measurement.
  pool.on('error', () => {});
  try {
    await pool.query(
      'CREATE TABLE bench_commit (id bigserial PRIMARY KEY, conversation text NOT NULL, body text NOT NULL)',
    );
    const insert = (c: number, line: string) =>
      pool.query('INSERT INTO bench_commit (conversation, body) VALUES ($1, $2)', [
        `resident-${c}`,
        line,
      ]);
    await Promise.all(Array.from({ length: poolSize }, (_, c) => insert(c, 'warm-up')));
    return await chat(insert);
  } finally {
    await pool.end();
    await db.drop();
  }
}

export async function pipelineBench(ctx: BenchContext): Promise<BenchResult[]> {
  const floor = await medians(3, () => singleRowCommitRun(ctx));
  const pipeline = await medians(3, () => pipelineRun(ctx));
  const messages = `${conversations} concurrent conversations × ${script.length} messages`;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    {
      name: `pipeline throughput, ${messages}`,
      value: `${pipeline.perSecond.toFixed(0)} messages/s`,
      baseline: `${floor.perSecond.toFixed(0)} single-row commits/s (one INSERT per transaction, same database, pool of ${poolSize})`,
      ratio: pipeline.perSecond / floor.perSecond,
    },
    {
      name: `pipeline latency p50 per message, ${conversations} concurrent conversations`,
      value: ms(pipeline.p50),
      baseline: `${ms(floor.p50)} per single-row commit`,
      ratio: pipeline.p50 / floor.p50,
    },
    {
      name: `pipeline latency p99 per message, ${conversations} concurrent conversations`,
      value: ms(pipeline.p99),
      baseline: `${ms(floor.p99)} per single-row commit`,
      ratio: pipeline.p99 / floor.p99,
    },
  ];
}
