/**
 * `kaart import|export|stale|confirm`: the sociale kaart for coordinators, as files. The work
 * is `kaartCommand` (src/kaart/kaart-command.ts); this file only declares the sub-commands and
 * hands them the database and the files.
 */
import { defineCommand, type CommandContext } from '../command.js';

/** Runs `kaart <words>` on the migrated database; prints its lines, returns its exit code. */
async function runKaart(
  words: string[],
  { database, print, now }: CommandContext<unknown>,
): Promise<number | void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const { kaartCommand } = await import('../../kaart/kaart-command.js');
  const { PrismaOfferRepository } = await import('../../store/offer-repository.js');
  const result = await kaartCommand(words, {
    offers: new PrismaOfferRepository(await database()),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    clock: now,
  });
  for (const line of result.lines) print(line);
  return result.exitCode === 0 ? undefined : result.exitCode;
}

const importKaart = defineCommand<{ dryRun?: boolean }>({
  name: 'import',
  summary: 'check a kaart file whole, then add or update its offers (by name and wijk)',
  description:
    'Columns: name,wijk,interests,description,when,where,contact,languages (interests and ' +
    "languages separated by ';', wijk an id from 'wijk list' or 'all'), and optional ones " +
    '(see src/kaart/README.md). Any wrong line refuses the whole file, naming its line.',
  arguments: [{ name: '<file>', description: 'the CSV file' }],
  options: [{ flags: '--dry-run', description: 'check and count only; store nothing' }],
  examples: [
    'npm run bloei -- kaart import examples/sociale-kaart-voorbeeld.csv --dry-run',
    'npm run bloei -- kaart import kaart.csv',
  ],
  run: (context) =>
    runKaart(
      ['import', context.args[0]!, ...(context.options.dryRun ? ['--dry-run'] : [])],
      context,
    ),
});

const exportKaart = defineCommand({
  name: 'export',
  summary: 'the whole kaart as CSV, in the format import reads',
  arguments: [{ name: '[file]', description: 'where to write it (default: standard output)' }],
  examples: ['npm run --silent bloei -- kaart export > kaart.csv'],
  run: (context) => runKaart(['export', ...context.args.filter(Boolean)], context),
});

const stale = defineCommand({
  name: 'stale',
  summary: 'offers due for a check, per owner (nothing is sent)',
  run: (context) => runKaart(['stale'], context),
});

const confirm = defineCommand({
  name: 'confirm',
  summary: 'an offer is still correct: it counts as checked now',
  arguments: [{ name: '<id>', description: "the offer's id (see kaart stale)" }],
  run: (context) => runKaart(['confirm', context.args[0]!], context),
});

export default defineCommand({
  name: 'kaart',
  summary: 'the sociale kaart: import, export, stale, confirm',
  subcommands: [importKaart, exportKaart, stale, confirm],
});
