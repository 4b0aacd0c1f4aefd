/**
 * Cohort import: 10,000 rows through `importCohort` (validate whole file, contacts,
 * identities, enrolments, follow-ups in one transaction) against the floor of writing the
 * same number of bare contact rows with one createMany, on the same database in the same run.
 */
import { randomUUID } from 'node:crypto';
import { importCohort } from '../src/followups/import-cohort.js';
import type { BenchContext, BenchResult } from './bench-context.js';
import { createStore } from '../src/store/store.js';

const rows = 10_000;

export async function importCohortBench(ctx: BenchContext): Promise<BenchResult[]> {
  const header =
    'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start';
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `P${i},${i % 2 ? 'telegram' : 'whatsapp'},${i % 2 ? 100_000 + i : `+3161${String(i).padStart(7, '0')}`},nl,stratum,De Wijk Werkt!,Bench ${i % 20},2025-01-06,2025-03-31,${(i % 6) + 1}`,
  );
  const csv = [header, ...lines].join('\n');

  const baseline = await ctx.median(3, async () => {
    const db = await ctx.database();
    const start = performance.now();
    await db.prisma.contact.createMany({
      data: Array.from({ length: rows }, (_, i) => ({ id: randomUUID(), firstName: `P${i}` })),
    });
    const ms = performance.now() - start;
    await db.drop();
    return ms;
  });
  const imported = await ctx.median(3, async () => {
    const db = await ctx.database();
    const start = performance.now();
    const report = await importCohort(createStore(db.prisma), csv, {
      languages: ['nl'],
      now: new Date(),
    });
    const ms = performance.now() - start;
    if (!report.ok || report.newEnrolments !== rows) throw new Error('import failed');
    await db.drop();
    return ms;
  });
  return [
    {
      name: 'cohort import, 10,000 rows',
      value: `${(imported / 1000).toFixed(2)} s`,
      baseline: `${(baseline / 1000).toFixed(2)} s for 10,000 bare contact rows (one createMany)`,
      ratio: imported / baseline,
    },
  ];
}
