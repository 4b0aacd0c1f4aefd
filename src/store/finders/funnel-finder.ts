/**
 * Where residents stop in a questionnaire, from the answers they gave: a run counts as
 * started when it has an answer (Bloei keeps no record of a questionnaire opened and never
 * answered), a step as reached when the run answered it, and the run as finished when it
 * answered the questionnaire's last question. Runs belong to the month of their first answer
 * and to the resident's wijk. The time to finish is from the first answer to the last
 * question's. Answers of forgotten residents are gone, and with them their runs; test
 * residents are left out (real-residents.ts).
 */
import { Prisma } from '../generated/client.js';
import type { PrismaClient } from '../prisma-client.js';
import { monthPeriod, type MonthRange } from './month-period.js';
import { realResidentSql } from './real-residents.js';

export interface FunnelQuestionnaire {
  flowId: string;
  /** The question whose answer means the questionnaire was finished. */
  lastStep: string;
}

export interface FunnelCounts {
  flowId: string;
  started: number;
  /** Runs that answered each step, by step id. */
  reached: Record<string, number>;
  finished: number;
  /** Median seconds from the first answer to the last question's, of finished runs. */
  medianSeconds: number | null;
}

interface Row {
  kind: 'started' | 'step' | 'finished';
  flowId: string;
  stepId: string | null;
  runs: number;
  medianSeconds: number | null;
}

export async function findFunnels(
  prisma: PrismaClient,
  questionnaires: readonly FunnelQuestionnaire[],
  filter: MonthRange & { wijk: string | null },
): Promise<FunnelCounts[]> {
  if (questionnaires.length === 0) return [];
  const { gte, lt } = monthPeriod(filter);
  const flowIds = questionnaires.map((q) => q.flowId);
  const lastSteps = questionnaires.map((q) => q.lastStep);
  const rows = await prisma.$queryRaw<Row[]>`
    WITH runs AS (
      SELECT a."runId", min(a."flowId") AS "flowId", min(a."answeredAt") AS "startedAt"
      FROM "Answer" a JOIN "Contact" c ON c."id" = a."contactId"
      WHERE a."flowId" = ANY(${flowIds}::text[])
        AND ${realResidentSql(Prisma.sql`c."id"`)}
        ${filter.wijk ? Prisma.sql`AND c."wijk" = ${filter.wijk}` : Prisma.empty}
      GROUP BY a."runId"
      HAVING min(a."answeredAt") >= ${gte} AND min(a."answeredAt") < ${lt}
    ), steps AS (
      SELECT r."flowId", r."runId", a."stepId", min(a."answeredAt") AS "at"
      FROM runs r JOIN "Answer" a ON a."runId" = r."runId"
      GROUP BY 1, 2, 3
    ), last_steps AS (
      SELECT * FROM unnest(${flowIds}::text[], ${lastSteps}::text[]) AS l("flowId", "stepId")
    )
    SELECT 'started' AS "kind", "flowId", NULL AS "stepId", count(*)::int AS "runs",
      NULL::float8 AS "medianSeconds"
    FROM runs GROUP BY "flowId"
    UNION ALL
    SELECT 'step', "flowId", "stepId", count(*)::int, NULL FROM steps GROUP BY 2, 3
    UNION ALL
    SELECT 'finished', s."flowId", s."stepId", count(*)::int,
      percentile_cont(0.5) WITHIN GROUP (
        ORDER BY extract(epoch FROM s."at" - r."startedAt"))::float8
    FROM steps s
    JOIN last_steps l ON l."flowId" = s."flowId" AND l."stepId" = s."stepId"
    JOIN runs r ON r."runId" = s."runId"
    GROUP BY 2, 3`;
  return questionnaires.map(({ flowId }) => {
    const own = rows.filter((r) => r.flowId === flowId);
    const finished = own.find((r) => r.kind === 'finished');
    return {
      flowId,
      started: own.find((r) => r.kind === 'started')?.runs ?? 0,
      reached: Object.fromEntries(
        own.filter((r) => r.kind === 'step').map((r) => [r.stepId!, r.runs]),
      ),
      finished: finished?.runs ?? 0,
      medianSeconds: finished?.medianSeconds ?? null,
    };
  });
}
