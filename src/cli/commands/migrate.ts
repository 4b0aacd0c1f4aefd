/** `migrate`: brings the database schema up to date and says what it did. */
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'migrate',
  summary: 'apply the database migrations and exit',
  description: [
    'Applies the migrations in prisma/migrations that the database lacks, in order, naming',
    'each; `start`, `worker` and `web` do this too. Uses DATABASE_URL, or the embedded',
    'database in BLOEI_DATA_DIR.',
  ].join(' '),
  async run({ config, print, progress }) {
    const { openDatabase } = await import('../../store/open-database.js');
    const database = await openDatabase(config, (event) => {
      if (event.step === 'creating' || event.step === 'created') progress(event);
      if (event.step !== 'migrating') return;
      if (event.index === 0) print(`Applying ${event.total} migration(s):`);
      print(`  ${event.index + 1}/${event.total} ${event.name}`);
    });
    await database.close();
    print(
      database.applied.length === 0
        ? 'The database is up to date: no migrations to apply.'
        : 'The database is up to date.',
    );
  },
});
