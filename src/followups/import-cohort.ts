/**
 * Imports a cohort CSV: validated whole first (nothing is stored when a line is wrong), then
 * cohorts, contacts, channel identities, enrolments and their follow-ups in one transaction,
 * in batches. Importing the same file again changes nothing. A follow-up whose date has
 * passed is scheduled at the next allowed slot and marked late, never skipped.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { BloeiError } from '../errors/bloei-error.js';
import type { Store } from '../store/store.js';
import { followUpDueAt, nextAllowedSlot, type DeliveryWindow } from './follow-up-schedule.js';
import { cohortColumns, validateCohort, type CohortRow } from './validate-cohort.js';

export interface ImportOptions {
  languages: readonly string[];
  now: Date;
  dryRun?: boolean;
  window?: DeliveryWindow;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  ok: boolean;
  errors: string[];
  rows: number;
  newContacts: number;
  newEnrolments: number;
  late: number;
}

const batchSize = 1000;

export async function importCohort(
  store: Store,
  csv: string,
  options: ImportOptions,
): Promise<ImportReport> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return failed([`the file is not valid CSV: ${(error as Error).message}`]);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = cohortColumns.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return failed([`line 1: missing column(s) ${missing.join(', ')}`]);
  }
  const wijken = await store.cohorts.wijkIds();
  const { rows, errors } = validateCohort(records, { languages: options.languages, wijken });
  if (errors.length > 0) return failed(errors);

  const report: ImportReport = {
    ok: true,
    errors: [],
    rows: rows.length,
    newContacts: 0,
    newEnrolments: 0,
    late: 0,
  };
  await store
    .transaction(
      async (tx) => {
        const cohortIds = new Map<string, string>();
        for (const row of rows) {
          const key = `${row.training}\u0000${row.cohort}`;
          if (cohortIds.has(key)) continue;
          const id = await tx.cohorts.save({
            name: row.cohort,
            training: row.training,
            startDate: new Date(row.startDate),
            endDate: new Date(row.endDate),
          });
          cohortIds.set(key, id);
        }
        for (let offset = 0; offset < rows.length; offset += batchSize) {
          const batch = rows.slice(offset, offset + batchSize);
          await importBatch(tx, batch, cohortIds, options, report);
          options.onProgress?.(Math.min(offset + batchSize, rows.length), rows.length);
        }
        if (options.dryRun) throw new DryRun('a dry run writes nothing');
      },
      { timeoutMs: 600_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof DryRun)) throw error;
    });
  return report;
}

/** Thrown inside the transaction of a dry run, so that everything it wrote is rolled back. */
class DryRun extends BloeiError {
  readonly code = 'COHORT_IMPORT_DRY_RUN';
}

function failed(errors: string[]): ImportReport {
  return { ok: false, errors, rows: 0, newContacts: 0, newEnrolments: 0, late: 0 };
}

async function importBatch(
  tx: Store,
  batch: CohortRow[],
  cohortIds: Map<string, string>,
  options: ImportOptions,
  report: ImportReport,
): Promise<void> {
  const contactOf = await tx.cohorts.contactsByIdentity(batch.map((r) => r.externalId));
  const newContacts = [];
  for (const row of batch) {
    const key = `${row.channel}:${row.externalId}`;
    if (contactOf.has(key)) continue;
    const id = randomUUID();
    contactOf.set(key, id);
    newContacts.push({ id, ...row });
  }
  await tx.cohorts.createContacts(newContacts);
  report.newContacts += newContacts.length;

  const pairs = batch.map((row) => ({
    row,
    contactId: contactOf.get(`${row.channel}:${row.externalId}`)!,
    cohortId: cohortIds.get(`${row.training}\u0000${row.cohort}`)!,
  }));
  const enrolled = await tx.cohorts.enrolled(pairs.map((p) => p.contactId));
  const dueAtOf = new Map<string, Date>();
  const fresh = pairs
    .filter((p) => !enrolled.has(`${p.contactId}:${p.cohortId}`))
    .map(({ row, contactId, cohortId }) => {
      // A cohort shares its end date: compute each date's slot once.
      const dueAt = dueAtOf.get(row.endDate) ?? followUpDueAt(row.endDate, options.window);
      dueAtOf.set(row.endDate, dueAt);
      const late = dueAt < options.now;
      if (late) report.late += 1;
      const nextAt = late ? nextAllowedSlot(options.now, options.window) : dueAt;
      return {
        id: randomUUID(),
        contactId,
        cohortId,
        ladderStart: row.ladderStart,
        followUp: { dueAt, late, nextAt },
      };
    });
  await tx.cohorts.enrol(fresh);
  report.newEnrolments += fresh.length;
}
