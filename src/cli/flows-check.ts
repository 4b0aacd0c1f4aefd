/**
 * `npm run flows:check`: validates every flow definition and the locale files (the texts
 * editor's rules for placeholders and word lists, and translations that a change to the
 * Dutch text left outdated, included), prints each problem on its own line and exits
 * non-zero when there is any.
 */
import { checkFlows } from '../flows/check.js';
import { loadFlows } from '../flows/definitions/index.js';
import { defaultLocalesDir, flattenLocales, loadLocales } from '../i18n/load-locales.js';
import { checkSourceHashes, readSourceHashes } from '../i18n/source-hashes.js';
import { checkShippedTexts } from '../texts/check-shipped-texts.js';

export function runFlowsCheck(
  localesDir = defaultLocalesDir,
  inputs?: readonly unknown[],
): string[] {
  try {
    const flows = loadFlows(inputs);
    const table = flattenLocales(loadLocales(localesDir));
    return [
      ...checkFlows(flows, table),
      ...checkShippedTexts(table),
      ...checkSourceHashes(table, readSourceHashes(localesDir)),
    ];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = runFlowsCheck(process.argv[2]);
  for (const problem of problems) console.error(`flows:check: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log('flows:check: all flows and locales are consistent');
}
