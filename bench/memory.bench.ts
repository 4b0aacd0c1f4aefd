/**
 * Memory with 10,000 open conversations: a fresh Bloei process (bench/open-conversations.mts)
 * is sampled after start-up and 1,000 warm-up conversations, then after every 1,000 more
 * residents driven into a flow through the inbound handler and left waiting for an answer,
 * each sample after forced garbage collection has settled. RSS can drop once by tens of MB
 * in such a run (memory handed back to the system, unrelated to the conversations), so
 * besides the end points the row gives the median growth between successive samples, per
 * conversation, for RSS and for the JS heap: a figure one such step cannot move.
 * Conversation state lives in Postgres: the engine runs per message and keeps nothing; the
 * in-process lanes empty when a turn ends, and flood control forgets a resident once their
 * 10-second window has passed. One run: 10,000 residents through the pipeline take minutes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchResult } from './bench-context.js';
import type { MemorySample } from './open-conversations.mjs';

const residents = 10_000;

async function measure(databaseUrl: string): Promise<{ samples: MemorySample[]; open: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      fileURLToPath(new URL('./open-conversations.mts', import.meta.url)),
      databaseUrl,
      String(residents),
    ],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`open-conversations exited with code ${String(code)}`);
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** Median growth of `y` per conversation between successive samples. */
function medianGrowth(samples: MemorySample[], y: (s: MemorySample) => number): number {
  const growth = samples
    .slice(1)
    .map((s, i) => (y(s) - y(samples[i]!)) / (s.conversations - samples[i]!.conversations))
    .sort((a, b) => a - b);
  return growth[Math.floor(growth.length / 2)]!;
}

export async function memoryBench(ctx: BenchContext): Promise<BenchResult[]> {
  const db = await ctx.database();
  try {
    const { samples, open } = await measure(db.url);
    if (open < residents) throw new Error(`only ${open} conversations open in the database`);
    const before = samples[0]!;
    const after = samples.at(-1)!;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const rssGrowth = medianGrowth(samples, (s) => s.rss);
    const heapGrowth = medianGrowth(samples, (s) => s.heapUsed);
    return [
      {
        name: `memory with ${residents.toLocaleString('en')} open conversations (RSS after GC, one run; the state is in Postgres, the process keeps none per conversation)`,
        value: `${mb(after.rss)} MB RSS (every 1,000: ${samples.map((s) => mb(s.rss)).join(', ')}); median growth ${rssGrowth.toFixed(0)} bytes/conversation RSS, ${heapGrowth.toFixed(0)} bytes/conversation JS heap`,
        baseline: `${mb(before.rss)} MB RSS before (app started, 1,000 warm-up conversations)`,
        ratio: after.rss / before.rss,
      },
    ];
  } finally {
    await db.drop();
  }
}
