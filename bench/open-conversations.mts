/**
 * Child process of the memory benchmark (a fresh process, so its RSS is Bloei's alone):
 * builds the app on the database named by argv[2], with flood control on as in production,
 * drives argv[3] new residents into the onboarding flow through the inbound handler (each
 * says hello and is left waiting at the flow's first question), and prints one JSON line of
 * memory samples, taken after 1,000 warm-up residents and then after every tenth of the
 * residents, each after forced garbage collection (run with `--expose-gc`) has settled.
 */
import { defaultFlood } from '../src/conversations/flood-control.js';
import { say } from '../tests/support/conversation-driver.js';
import { createBenchApp, type BenchApp } from './bench-app.js';

export interface MemorySample {
  /** Conversations opened after the warm-up. */
  conversations: number;
  rss: number;
  heapUsed: number;
}

const [databaseUrl, count] = process.argv.slice(2);
const residents = Number(count);
const concurrency = 200;
const sampleEvery = residents / 10;

/**
 * Memory once it has settled: after a forced collection V8 hands pages back to the system
 * over the next few hundred milliseconds, so RSS read at once is tens of MB too high.
 */
async function sample(conversations: number): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { conversations, rss, heapUsed };
}

/** Residents `from` … `to - 1` say hello, `concurrency` of them at a time. */
async function hello(app: BenchApp, prefix: string, from: number, to: number): Promise<void> {
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < to) await say(app, `${prefix}-${next++}`, 'hallo');
    }),
  );
  // What the recording channel keeps is the benchmark's memory, not Bloei's.
  app.channel.sent.length = 0;
}

const app = await createBenchApp(databaseUrl!, { flood: defaultFlood });
try {
  await hello(app, 'warm-up', 0, 1_000);
  const samples = [await sample(0)];
  for (let done = 0; done < residents; done += sampleEvery) {
    await hello(app, 'resident', done, done + sampleEvery);
    samples.push(await sample(done + sampleEvery));
  }
  const open = await app.prisma.conversation.count({ where: { contactId: null } });
  console.log(JSON.stringify({ samples, open }));
} finally {
  await app.close();
}
