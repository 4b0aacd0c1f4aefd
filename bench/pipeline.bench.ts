/**
 * Pipeline throughput and latency through the real inbound handler: simulator channel →
 * pure engine → one read and one write on the SQL port (an ordinary turn; consent and the
 * like take a Prisma transaction) → the reply sent from the outbox and marked sent.
 *
 * Throughput (closed loop): 200 residents chat at the same time, each sending eight messages
 * one after the other (hello, language, consent, monitoring, then the talentenscan from the
 * menu and its first answers). The baseline is the floor a persisted message cannot beat: the
 * same 200 sequential writers committing one single-row INSERT per message on the same
 * database, through a pool as large as the app's (10 connections).
 *
 * Open loop: 200 residents who consented already answer the talentenscan's questions, each
 * message 2–4 s after their previous one (seeded), sent when due whether or not Bloei has
 * answered; latency counts from when the message was due. Baseline: single-row commits on
 * the same schedule.
 */
import pg from 'pg';
import { consentNl, say } from '../tests/support/conversation-driver.js';
import { createBenchApp } from './bench-app.js';
import { medians, percentile, type BenchContext, type BenchResult } from './bench-context.js';
import { seededRandom } from '../tests/faults/support/seeded-random.js';

const conversations = 200;
const script = [...consentNl, '1', 'Van koken', 'Koken', '1, 2'];
/** After consent: the scan from the menu and its questions, all ordinary turns. */
const answers = ['1', 'Van koken', 'Ik was kok', '1, 2', 'Koken voor de buren', 'Nederlands leren'];
const poolSize = 10;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

interface Counted extends Run {
  /** SQL-port statements per message. */
  statements: number;
  /** Committed transactions per message, counted by the server (every driver). */
  transactions: number;
}

/** Runs `send(conversation, line)` for every line, the conversations concurrently. */
async function closedLoop(
  lines: readonly string[],
  send: (conversation: number, line: string) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      for (const line of lines) {
        const sent = performance.now();
        await send(c, line);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return summary(latencies, (performance.now() - start) / 1000);
}

/** Sends each line when it is due (2–4 s apart per conversation), whatever is still running. */
async function openLoop(
  lines: readonly string[],
  send: (conversation: number, line: string) => Promise<unknown>,
): Promise<Run> {
  const random = seededRandom(20_261_206).next;
  const latencies: number[] = [];
  const start = performance.now();
  const work: Promise<unknown>[] = [];
  for (let c = 0; c < conversations; c++) {
    let due = start + random() * 3_000;
    for (const line of lines) {
      const at = due;
      work.push(
        new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())))
          .then(() => send(c, line))
          .then(() => latencies.push(performance.now() - at)),
      );
      due += 2_000 + random() * 2_000;
    }
  }
  await Promise.all(work);
  return summary(latencies, (performance.now() - start) / 1000);
}

function summary(latencies: number[], seconds: number): Run {
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** Transactions the server committed in a database so far. */
async function commits(pool: pg.Pool, database: string): Promise<number> {
  // Statistics reach the shared view within a second of a transaction's end.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const { rows } = await pool.query<{ commits: string }>(
    'SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return Number(rows[0]?.commits ?? 0);
}

async function pipelineRun(ctx: BenchContext): Promise<Counted> {
  const db = await ctx.database();
  const app = await createBenchApp(db.url);
  const stats = new pg.Pool({ connectionString: db.url, max: 1 });
  stats.on('error', () => {});
  try {
    const [expected] = await say(app, 'warm-up', ...script);
    const last = new Map<number, string | undefined>();
    const statementsBefore = app.sql.statements;
    const commitsBefore = await commits(stats, db.name);
    const run = await closedLoop(script, async (c, line) => {
      const [reply] = await say(app, `resident-${c}`, line);
      last.set(c, reply?.text);
    });
    const messages = conversations * script.length;
    // The sampler's own statistics query commits too: one per `commits` call.
    const transactions = (await commits(stats, db.name)) - commitsBefore - 1;
    const lost = [...last.values()].filter((text) => text !== expected?.text).length;
    if (lost > 0) throw new Error(`${lost} conversations did not reach the scan's fourth question`);
    return {
      ...run,
      statements: (app.sql.statements - statementsBefore) / messages,
      transactions: transactions / messages,
    };
  } finally {
    await stats.end();
    await app.close();
    await db.drop();
  }
}

/** Statements per message of ordinary turns only: residents answering questions. */
async function ordinaryTurns(ctx: BenchContext): Promise<{ statements: number; replies: number }> {
  const db = await ctx.database();
  const app = await createBenchApp(db.url);
  try {
    await Promise.all(
      Array.from({ length: 20 }, (_, c) => say(app, `ordinary-${c}`, ...consentNl)),
    );
    const before = app.sql.statements;
    const sentBefore = app.channel.sent.length;
    await Promise.all(Array.from({ length: 20 }, (_, c) => say(app, `ordinary-${c}`, ...answers)));
    const messages = 20 * answers.length;
    return {
      statements: (app.sql.statements - before) / messages,
      replies: (app.channel.sent.length - sentBefore) / messages,
    };
  } finally {
    await app.close();
    await db.drop();
  }
}

async function openLoopRun(ctx: BenchContext): Promise<Run> {
  const db = await ctx.database();
  const app = await createBenchApp(db.url);
  try {
    await closedLoop(consentNl, (c, line) => say(app, `open-${c}`, line));
    return await openLoop(answers, (c, line) => say(app, `open-${c}`, line));
  } finally {
    await app.close();
    await db.drop();
  }
}

async function commitPool(ctx: BenchContext, measure: (insert: Insert) => Promise<Run>) {
  const db = await ctx.database();
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize });
  // A connection can still be closing when the database is dropped right after `pool.end()`;
  // its "terminating connection" error is then no failure of the measurement.
  pool.on('error', () => {});
  try {
    await pool.query(
      'CREATE TABLE bench_commit (id bigserial PRIMARY KEY, conversation text NOT NULL, body text NOT NULL)',
    );
    const insert: Insert = (c, line) =>
      pool.query('INSERT INTO bench_commit (conversation, body) VALUES ($1, $2)', [
        `resident-${c}`,
        line,
      ]);
    await Promise.all(Array.from({ length: poolSize }, (_, c) => insert(c, 'warm-up')));
    return await measure(insert);
  } finally {
    await pool.end();
    await db.drop();
  }
}

type Insert = (conversation: number, line: string) => Promise<unknown>;

export async function pipelineBench(ctx: BenchContext): Promise<BenchResult[]> {
  const floor = await medians(3, () => commitPool(ctx, (insert) => closedLoop(script, insert)));
  const pipeline = await medians(3, () => pipelineRun(ctx));
  const ordinary = await ordinaryTurns(ctx);
  const openFloor = await commitPool(ctx, (insert) => openLoop(answers, insert));
  const open = await openLoopRun(ctx);
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
    {
      name: `pipeline open-loop p99, ${conversations} conversations answering questions, 2–4 s between a resident's messages (one run)`,
      value: ms(open.p99),
      baseline: `${ms(openFloor.p99)} p99 of single-row commits on the same schedule (p50 ${ms(open.p50)} vs ${ms(openFloor.p50)})`,
      ratio: open.p99 / openFloor.p99,
    },
    {
      name: `pipeline statements per message, ordinary turns (answers; ${ordinary.replies.toFixed(2)} replies each)`,
      value: `${ordinary.statements.toFixed(2)} statements`,
      baseline: `2 + 1 per reply = ${(2 + ordinary.replies).toFixed(2)} (one read, one write, one mark-sent per reply)`,
      ratio: ordinary.statements / (2 + ordinary.replies),
    },
    {
      name: `pipeline statements per message, the throughput script (consent included)`,
      value: `${pipeline.statements.toFixed(2)} on the SQL port, ${pipeline.transactions.toFixed(2)} transactions`,
      baseline: `1 transaction per single-row commit`,
      ratio: pipeline.transactions,
    },
  ];
}
