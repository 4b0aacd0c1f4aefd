/**
 * The `kaart` command for coordinators:
 *   kaart import FILE [--dry-run]   check a kaart file whole, then create or update its offers
 *   kaart export [FILE]             the whole kaart as CSV, to FILE or standard output
 *   kaart stale                     offers due for a check, per owner (nothing is sent)
 *   kaart confirm ID                an offer is still correct: it counts as checked now
 * A plain function of its arguments and dependencies returning the lines to print and an exit
 * code, so it fits any command table and is tested without a process.
 */
import { parseArgs } from 'node:util';
import { exportOffers } from './export-offers.js';
import { importOffers, type OfferImportReport } from './import-offers.js';
import { describeOfferProblem } from './offer-problem.js';
import type { OfferStore } from './offer-store.js';
import { planStaleNudges } from './plan-stale-nudges.js';

export interface KaartCommandDeps {
  offers: OfferStore;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  clock(): Date;
}

export interface CommandResult {
  lines: string[];
  exitCode: number;
}

const usage =
  'use: kaart import FILE [--dry-run] | kaart export [FILE] | kaart stale | kaart confirm ID';

export async function kaartCommand(
  args: readonly string[],
  deps: KaartCommandDeps,
): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false } },
    });
  } catch (error) {
    return { lines: [(error as Error).message, usage], exitCode: 2 };
  }
  const [action, file, ...extra] = parsed.positionals;
  if (extra.length > 0) return { lines: [usage], exitCode: 2 };
  switch (action) {
    case 'import': {
      if (!file) return { lines: ['kaart import needs a CSV file', usage], exitCode: 2 };
      let csv: string;
      try {
        csv = await deps.readFile(file);
      } catch (error) {
        return { lines: [`Cannot read ${file}: ${(error as Error).message}`], exitCode: 1 };
      }
      const report = await importOffers(deps.offers, csv, {
        at: deps.clock(),
        dryRun: parsed.values['dry-run'],
      });
      return importResult(report);
    }
    case 'export': {
      const offers = await deps.offers.listOffers();
      const csv = exportOffers(offers, await deps.offers.staff());
      if (!file) return { lines: [csv.trimEnd()], exitCode: 0 };
      try {
        await deps.writeFile(file, csv);
      } catch (error) {
        return { lines: [`Cannot write ${file}: ${(error as Error).message}`], exitCode: 1 };
      }
      return { lines: [`Exported ${offers.length} offers to ${file}.`], exitCode: 0 };
    }
    case 'stale': {
      const [offers, staff] = await Promise.all([deps.offers.listOffers(), deps.offers.staff()]);
      const nudges = planStaleNudges(offers, staff, deps.clock());
      if (nudges.length === 0)
        return { lines: ['Every offer on the kaart is current.'], exitCode: 0 };
      const lines: string[] = [];
      for (const nudge of nudges) {
        lines.push(
          nudge.recipient.kind === 'owner'
            ? `owner ${nudge.recipient.verbinderId}:`
            : 'coordinators:',
        );
        for (const { offer, reasons } of nudge.offers) {
          const checked = offer.checkedAt.toISOString().slice(0, 10);
          lines.push(
            `  ${offer.id}  ${offer.name} (${offer.wijk})  checked ${checked}  ${reasons.join(', ')}`,
          );
        }
      }
      return { lines, exitCode: 0 };
    }
    case 'confirm': {
      if (!file) return { lines: ['kaart confirm needs the id of an offer', usage], exitCode: 2 };
      const found = await deps.offers.confirmStillCorrect(file, deps.clock());
      return found
        ? { lines: ['Marked as still correct.'], exitCode: 0 }
        : { lines: [`No offer with id ${file}.`], exitCode: 1 };
    }
    default:
      return { lines: [usage], exitCode: 2 };
  }
}

function importResult(report: OfferImportReport): CommandResult {
  if (!report.ok) {
    return {
      lines: [
        ...report.problems.map(describeOfferProblem),
        `Nothing was imported: ${report.problems.length} problem(s).`,
      ],
      exitCode: 1,
    };
  }
  const lines = report.changes
    .filter((change) => change.action !== 'unchanged')
    .map((change) =>
      change.action === 'create'
        ? `line ${change.line}: new  ${change.name} (${change.wijk})`
        : `line ${change.line}: updated  ${change.name} (${change.wijk}): ${change.columns.join(', ')}`,
    );
  const counts = `${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged`;
  lines.push(
    report.dryRun
      ? `Dry run, nothing was stored: ${report.changes.length} lines would give ${counts}.`
      : `Imported ${report.changes.length} lines: ${counts}.`,
  );
  return { lines, exitCode: 0 };
}
