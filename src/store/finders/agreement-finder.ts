/**
 * How much residents agree, per Movisie subgoal, month and wijk: of the answers on the
 * five-point agree scale, how many there were and how many said 4 or 5. "Don't know" and
 * answers in words are no score, so they are left out here (they count as answers in the
 * subgoal table). The anonymous counts of forgotten residents count along; test residents
 * do not (real-residents.ts).
 */
import { indicatorSubgoals } from '../../flows/spec.js';
import { Prisma } from '../generated/client.js';
import type { PrismaClient } from '../prisma-client.js';
import { monthPeriod, type MonthRange } from './month-period.js';
import { realResidentSql } from './real-residents.js';

export interface AgreementRow {
  subgoal: string;
  /** `YYYY-MM` */
  month: string;
  wijk: string | null;
  /** Answers that were a score from 1 to 5. */
  scored: number;
  /** Of those, the answers 4 or 5. */
  agree: number;
}

export async function findAgreement(
  prisma: PrismaClient,
  range: MonthRange,
): Promise<AgreementRow[]> {
  const { gte, lt } = monthPeriod(range);
  return prisma.$queryRaw<AgreementRow[]>`
    SELECT "subgoal", "month", "wijk", sum("scored")::int AS "scored", sum("agree")::int AS "agree"
    FROM (
      SELECT split_part(a."indicator", '.', 1) AS "subgoal",
        to_char(a."answeredAt", 'YYYY-MM') AS "month", c."wijk",
        count(*) FILTER (WHERE a."score" IN (1, 2, 3, 4, 5)) AS "scored",
        count(*) FILTER (WHERE a."score" IN (4, 5)) AS "agree"
      FROM (
        SELECT *, CASE WHEN jsonb_typeof("value") = 'number'
          THEN ("value" #>> '{}')::numeric END AS "score"
        FROM "Answer"
        WHERE "indicator" IS NOT NULL AND "answeredAt" >= ${gte} AND "answeredAt" < ${lt}
      ) a JOIN "Contact" c ON c."id" = a."contactId"
      WHERE ${realResidentSql(Prisma.sql`c."id"`)}
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT split_part("metric", '.', 1), "month", NULLIF("wijk", ''),
        sum("count") FILTER (WHERE "value" IN ('1', '2', '3', '4', '5')),
        sum("count") FILTER (WHERE "value" IN ('4', '5'))
      FROM "AnonymousTally"
      WHERE split_part("metric", '.', 1) IN (${Prisma.join(indicatorSubgoals)})
        AND "month" >= ${range.from} AND "month" <= ${range.to}
      GROUP BY 1, 2, 3
    ) per_source
    WHERE "scored" > 0
    GROUP BY 1, 2, 3`;
}
