/**
 * Imports a kaart file: validated whole (nothing is stored when any line is wrong), then each
 * line creates or updates the offer with its name and wijk — never a second one — in one
 * transaction. Offers the file does not name stay as they are; hide one with `active` = no.
 */
import type { OfferProblem } from './offer-problem.js';
import type { OfferStore } from './offer-store.js';
import { planOfferImport, type OfferChange } from './plan-offer-import.js';
import { validateOffers } from './validate-offers.js';

export interface OfferImportReport {
  /** False when the file has problems; then nothing was stored. */
  ok: boolean;
  problems: OfferProblem[];
  /** What each valid line does (or would do, in a dry run). */
  changes: OfferChange[];
  created: number;
  updated: number;
  unchanged: number;
  /** True when nothing was written because it was a dry run. */
  dryRun: boolean;
}

export interface OfferImportOptions {
  /** The moment of the import: new and edited offers count as checked then. */
  at: Date;
  /** Validate and plan, but store nothing. */
  dryRun?: boolean;
}

export async function importOffers(
  store: OfferStore,
  csv: string,
  options: OfferImportOptions,
): Promise<OfferImportReport> {
  const dryRun = options.dryRun ?? false;
  const [wijken, staff] = await Promise.all([store.wijkIds(), store.staff()]);
  const owners = new Map<string, string>();
  for (const member of staff) {
    owners.set(member.id.toLowerCase(), member.id);
    if (member.login) owners.set(member.login.toLowerCase(), member.id);
  }
  const { rows, problems } = validateOffers(csv, { wijken, owners });
  if (problems.length > 0) {
    return { ok: false, problems, changes: [], created: 0, updated: 0, unchanged: 0, dryRun };
  }
  const plan = planOfferImport(rows, await store.listOffers(), options.at);
  if (!dryRun && plan.writes.length > 0) await store.saveOffers(plan.writes);
  const count = (action: OfferChange['action']) =>
    plan.changes.filter((change) => change.action === action).length;
  return {
    ok: true,
    problems: [],
    changes: plan.changes,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    dryRun,
  };
}
