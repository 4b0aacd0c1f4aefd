/**
 * Imports a cohort of Telegram trainees who finished a year and two days ago, so each one's
 * follow-up is due at once, with a delivery window open at every hour of every day.
 */
import { DateTime } from 'luxon';
import { defaultWindow } from '../../src/followups/follow-up-schedule.js';
import { importCohort } from '../../src/followups/import-cohort.js';
import type { PrismaClient } from '../../src/store/prisma-client.js';
import { createStore } from '../../src/store/store.js';

export function importDueCohort(
  prisma: PrismaClient,
  cohort: { name: string; trainees: number; firstChatId: number },
) {
  const ended = DateTime.now().minus({ years: 1, days: 2 }).toISODate();
  const csv = [
    'first_name,channel,address,language,wijk,training,cohort,start_date,end_date,ladder_start',
    ...Array.from(
      { length: cohort.trainees },
      (_, i) =>
        `T${i},telegram,${cohort.firstChatId + i},nl,stratum,other,${cohort.name},2024-01-01,${ended},`,
    ),
  ].join('\n');
  return importCohort(createStore(prisma), csv, {
    languages: ['nl'],
    now: new Date(),
    window: { ...defaultWindow, startHour: 0, endHour: 24, closedWeekdays: [] },
  });
}
