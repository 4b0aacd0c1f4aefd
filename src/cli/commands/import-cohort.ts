/** `import-cohort`: former trainees and their one-year follow-ups, from a CSV file. */
import { defineCommand } from '../command.js';

export default defineCommand<{ dryRun?: boolean }>({
  name: 'import-cohort',
  summary: 'import former trainees from a CSV file and schedule their follow-ups',
  description: [
    'The whole file is validated first: any wrong line gives a per-line report and nothing',
    'is imported. Importing the same file again changes nothing. The columns are described',
    'in the README (One-year follow-ups); examples/cohort.csv is an example.',
  ].join(' '),
  arguments: [{ name: '<file>', description: 'the CSV file' }],
  options: [{ flags: '--dry-run', description: 'validate and count only; store nothing' }],
  examples: [
    'npm run bloei -- import-cohort examples/cohort.csv --dry-run',
    'npm run bloei -- import-cohort examples/cohort.csv',
  ],
  async run({ args, options, config, logger, print, stderr, progress, now }) {
    const { readFileSync } = await import('node:fs');
    const { createApp } = await import('../../app.js');
    const { importCohort } = await import('../../followups/import-cohort.js');
    const csv = readFileSync(args[0]!, 'utf8');
    const app = await createApp(config, logger, { progress });
    try {
      const report = await importCohort(app.store, csv, {
        languages: app.translator.languages,
        now: now(),
        dryRun: options.dryRun === true,
        window: config.followUps.window,
        onProgress: (done, total) => stderr.write(`\r${done}/${total} rows`),
      });
      stderr.write('\n');
      if (!report.ok) {
        for (const error of report.errors) stderr.write(`${error}\n`);
        stderr.write(`Nothing was imported: ${report.errors.length} problem(s).\n`);
        return 1;
      }
      const verb = options.dryRun ? 'Would import' : 'Imported';
      print(
        `${verb} ${report.rows} rows: ${report.newContacts} new contacts, ${report.newEnrolments} new enrolments (${report.late} late follow-ups, sent at the next allowed slot).`,
      );
    } finally {
      await app.close();
    }
  },
});
