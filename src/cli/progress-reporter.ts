/**
 * What a person at a terminal sees while the database is prepared: on the embedded
 * database's first start that takes half a minute or more, and a silent screen looks broken.
 * Without a terminal (services, scripts) the same steps are log lines.
 */
import type { Writable } from 'node:stream';
import type { Logger } from '../conversations/ports.js';
import type { DatabaseProgress } from '../store/open-database.js';

export function progressReporter(
  stderr: Writable & { isTTY?: boolean },
  logger: Logger,
): (event: DatabaseProgress) => void {
  if (!stderr.isTTY) return (event) => logger.info({ ...event }, `database ${event.step}`);
  const say = (line: string) => stderr.write(`${line}\n`);
  return (event) => {
    switch (event.step) {
      case 'creating':
        say(`Creating Bloei's database in ${event.directory}.`);
        say('This happens once and takes a minute or so on a slow machine…');
        return;
      case 'created':
        say(`Database created in ${Math.round(event.ms / 1000)} s.`);
        return;
      case 'migrating':
        if (event.index === 0) say(`Updating the database (${event.total} steps):`);
        say(`  ${event.index + 1}/${event.total} ${event.name}`);
        return;
      case 'ready':
        if (event.applied.length > 0) say('The database is ready.');
        return;
    }
  };
}
