/**
 * What happened per month and wijk: talentenscans finished, WIJ match sign-ups, check-ins
 * done and matches made, with the anonymous counts of residents forgotten since. The
 * indicator screen draws the months as a trend and the wijken side by side from these rows.
 * Test residents are left out (real-residents.ts).
 */
import { Prisma } from '../generated/client.js';
import type { PrismaClient } from '../prisma-client.js';
import { monthPeriod, type MonthRange } from './month-period.js';
import { realResidentSql } from './real-residents.js';

export const activityMetrics = ['talentenscans', 'signUps', 'checkIns', 'matches'] as const;
export type ActivityMetric = (typeof activityMetrics)[number];

export interface ActivityRow {
  metric: ActivityMetric;
  /** `YYYY-MM` */
  month: string;
  /** The wijk id as stored; null when unknown. */
  wijk: string | null;
  count: number;
}

/** The anonymous count each metric keeps for forgotten residents (see erase-contact.ts). */
const tallied: Record<Exclude<ActivityMetric, 'matches'>, string> = {
  talentenscans: 'talentenscan.completed',
  signUps: 'wijMatch.signUp',
  checkIns: 'checkIn.run',
};

/** Every wijk, every month of `range`; the caller narrows to a wijk. */
export async function findActivity(
  prisma: PrismaClient,
  range: MonthRange,
): Promise<ActivityRow[]> {
  const { gte, lt } = monthPeriod(range);
  const month = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM')`;
  const rows = await prisma.$queryRaw<ActivityRow[]>`
    SELECT 'talentenscans' AS "metric", ${month(Prisma.sql`p."completedAt"`)} AS "month",
      COALESCE(p."wijk", c."wijk") AS "wijk", count(*)::int AS "count"
    FROM "TalentProfile" p JOIN "Contact" c ON c."id" = p."contactId"
    WHERE p."completedAt" >= ${gte} AND p."completedAt" < ${lt}
      AND ${realResidentSql(Prisma.sql`c."id"`)}
    GROUP BY 2, 3
    UNION ALL
    SELECT 'signUps', ${month(Prisma.sql`s."createdAt"`)}, s."wijk", count(*)::int
    FROM "SignUp" s
    WHERE s."createdAt" >= ${gte} AND s."createdAt" < ${lt}
      AND ${realResidentSql(Prisma.sql`s."contactId"`)}
    GROUP BY 2, 3
    UNION ALL
    SELECT 'checkIns', ${month(Prisma.sql`r."startedAt"`)}, c."wijk", count(*)::int
    FROM (
      SELECT "runId", min("contactId") AS "contactId", min("answeredAt") AS "startedAt"
      FROM "Answer" WHERE "flowId" = 'checkIn' GROUP BY "runId"
    ) r JOIN "Contact" c ON c."id" = r."contactId"
    WHERE r."startedAt" >= ${gte} AND r."startedAt" < ${lt}
      AND ${realResidentSql(Prisma.sql`c."id"`)}
    GROUP BY 2, 3
    UNION ALL
    SELECT 'matches', ${month(Prisma.sql`m."recordedAt"`)}, m."wijk", count(*)::int
    FROM "Match" m
    WHERE m."recordedAt" >= ${gte} AND m."recordedAt" < ${lt}
      AND NOT EXISTS (
        SELECT 1 FROM "SignUp" side
        WHERE side."id" IN (m."firstId", m."secondId")
          AND NOT ${realResidentSql(Prisma.sql`side."contactId"`)})
    GROUP BY 2, 3
    UNION ALL
    SELECT CASE "metric"
        WHEN ${tallied.talentenscans} THEN 'talentenscans'
        WHEN ${tallied.signUps} THEN 'signUps'
        ELSE 'checkIns' END,
      "month", NULLIF("wijk", ''), sum("count")::int
    FROM "AnonymousTally"
    WHERE "metric" IN (${Prisma.join(Object.values(tallied))})
      AND "month" >= ${range.from} AND "month" <= ${range.to}
    GROUP BY 1, 2, 3`;
  return rows;
}
