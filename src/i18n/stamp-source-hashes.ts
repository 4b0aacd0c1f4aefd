/**
 * `npm run texts:stamp [-- --accept KEY …]`: records in `locales/.source-hashes.json` which
 * Dutch text each translation was written from. Run it after writing or updating
 * translations; `--accept KEY` marks the translations of KEY as still fitting a changed Dutch
 * text. `flows:check` tells when it is needed.
 */
import { parseArgs } from 'node:util';
import { defaultLocalesDir, flattenLocales, loadLocales } from './load-locales.js';
import {
  checkSourceHashes,
  readSourceHashes,
  stampSourceHashes,
  writeSourceHashes,
} from './source-hashes.js';

/** Stamps the locale files in `dir`; returns the translations that are still outdated. */
export function stamp(dir: string, accept: readonly string[]): string[] {
  const table = flattenLocales(loadLocales(dir));
  const stamped = stampSourceHashes(table, readSourceHashes(dir), accept);
  writeSourceHashes(stamped, dir);
  return checkSourceHashes(table, stamped);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { accept: { type: 'string', multiple: true, default: [] } },
  });
  const outdated = stamp(positionals[0] ?? defaultLocalesDir, values.accept);
  for (const line of outdated) console.error(`texts:stamp: ${line}`);
  console.log(
    outdated.length > 0
      ? `texts:stamp: stamped; ${outdated.length} text(s) still have outdated translations`
      : 'texts:stamp: every translation follows the Dutch text of now',
  );
}
