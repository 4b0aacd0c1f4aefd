/**
 * Follow-up fan-out: 10,000 imported trainees whose one-year follow-up is due. One
 * maintenance pass finds them and queues a job per follow-up on the Telegram queue; the
 * BullMQ worker, paced by the configured send rate, claims each in the database and starts
 * the follow-up conversation, whose messages the recording channel counts. The achieved rate
 * (first due scan to last follow-up sent) is compared with the configured one, and every
 * message a recipient got more than once counts as a duplicate.
 */
import { randomUUID } from 'node:crypto';
import { importCohort } from '../src/followups/import-cohort.js';
import { pinnedClock } from '../tests/support/golden.js';
import { createBenchApp } from './bench-app.js';
import type { BenchContext, BenchResult } from './bench-context.js';
import { createStore } from '../src/store/store.js';

const trainees = 10_000;
/** Configured Telegram send rate (SEND_RATE_TELEGRAM_PER_SECOND): high, so the app is the limit. */
const configuredPerSecond = 500;
const timeoutMs = 5 * 60_000;

/** A cohort that ended a year before the pinned clock: every follow-up is due. */
function cohortCsv(): string {
  const header =
    'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start';
  const lines = Array.from(
    { length: trainees },
    (_, i) =>
      `T${i},telegram,${700_000 + i},nl,stratum,De Wijk Werkt!,Fan-out,2024-12-02,2025-03-02,2`,
  );
  return [header, ...lines].join('\n');
}

export async function followUpFanoutBench(ctx: BenchContext): Promise<BenchResult[]> {
  const seed = await ctx.database();
  try {
    const report = await importCohort(createStore(seed.prisma), cohortCsv(), {
      languages: ['nl'],
      now: pinnedClock().now(),
    });
    if (!report.ok || report.newEnrolments !== trainees) throw new Error('import failed');
    // A template must have no open connections when it is copied.
    await seed.prisma.$disconnect();
    const db = await ctx.database({ template: seed.name });
    const app = await createBenchApp(db.url, {
      jobs: {
        redisUrl: ctx.redisUrl,
        prefix: `bench-${randomUUID()}`,
        queues: ['followups-telegram'],
        limits: { 'followups-telegram': { max: configuredPerSecond, duration: 1000 } },
      },
    });
    try {
      // Who has been reached so far, updated from the new sends only (cheap to poll).
      const reached = new Set<string>();
      let polled = 0;
      const poll = () => {
        const { sent } = app.telegram;
        while (polled < sent.length) reached.add(sent[polled++]!.userId);
        return reached.size;
      };
      const start = performance.now();
      const { followUps: queued } = await app.maintenance();
      const queuedAfter = (performance.now() - start) / 1000;
      const deadline = Date.now() + timeoutMs;
      while (poll() < trainees) {
        if (Date.now() > deadline) throw new Error(`${reached.size} of ${trainees} reached`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const seconds = (performance.now() - start) / 1000;
      // Let anything queued twice surface, and scan once more: nothing may be due again.
      await new Promise((r) => setTimeout(r, 2_000));
      const { followUps: requeued } = await app.maintenance();
      await new Promise((r) => setTimeout(r, 1_000));

      const { sent } = app.telegram;
      const copies = new Map<string, number>();
      const perRecipient = new Map<string, number>();
      for (const m of sent) {
        const key = `${m.userId}\u0000${m.text}`;
        copies.set(key, (copies.get(key) ?? 0) + 1);
        perRecipient.set(m.userId, (perRecipient.get(m.userId) ?? 0) + 1);
      }
      const duplicates = [...copies.values()].reduce((sum, n) => sum + n - 1, 0);
      const counts = [...perRecipient.values()];
      const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
      const each = fewest === most ? `${most}` : `${fewest}–${most}`;
      const markedSent = await app.prisma.followUp.count({ where: { status: 'sent' } });
      if (queued !== trainees || requeued !== 0 || markedSent !== trainees) {
        throw new Error(`queued ${queued}, queued again ${requeued}, marked sent ${markedSent}`);
      }
      const achieved = trainees / seconds;
      const n = (v: number) => v.toLocaleString('en');
      return [
        {
          name: `follow-up fan-out, ${n(trainees)} due follow-ups, one run (due scan to last follow-up sent)`,
          value: `${achieved.toFixed(0)} follow-ups/s (${seconds.toFixed(1)} s; scan and queueing took ${queuedAfter.toFixed(1)} s of it)`,
          baseline: `${configuredPerSecond}/s configured Telegram send rate (SEND_RATE_TELEGRAM_PER_SECOND)`,
          ratio: achieved / configuredPerSecond,
        },
        {
          name: `follow-up fan-out, duplicates at the recording channel`,
          value: `${duplicates} duplicate messages; ${n(perRecipient.size)} of ${n(trainees)} recipients reached, ${each} messages each`,
          baseline: `${n(sent.length)} messages sent`,
          ratio: duplicates / sent.length,
        },
      ];
    } finally {
      await app.close();
      await db.drop();
    }
  } finally {
    await seed.drop();
  }
}
