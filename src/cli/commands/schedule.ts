/** `schedule list`: what Bloei will send on its own initiative, and when. */
import { defineCommand } from '../command.js';

const list = defineCommand<{ from?: string; to?: string; kind?: string }>({
  name: 'list',
  summary: 'list the scheduled messages still to go out, soonest first',
  description: [
    'One line per message: its date and time (YYYY-MM-DD HH:MM, Europe/Amsterdam), kind,',
    'channel and contact id. --from and --to are days in Amsterdam; --to includes its day.',
  ].join(' '),
  options: [
    { flags: '--from <date>', description: 'from this day on (YYYY-MM-DD)' },
    { flags: '--to <date>', description: 'up to and including this day (YYYY-MM-DD)' },
    { flags: '--kind <kind>', description: 'only this kind, e.g. scanCheckUp' },
  ],
  examples: ['npm run bloei -- schedule list --from 2026-12-01 --to 2026-12-31'],
  async run({ options, database, print }) {
    const { dayBoundary, scheduleLine } = await import('../../schedule/schedule-line.js');
    const { ScheduledMessageRepository } =
      await import('../../store/scheduled-message-repository.js');
    const filter = {
      ...(options.from ? { from: dayBoundary(options.from) } : {}),
      ...(options.to ? { to: dayBoundary(options.to, true) } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
    };
    const rows = await new ScheduledMessageRepository(await database()).list(filter);
    for (const row of rows) print(scheduleLine(row));
  },
});

export default defineCommand({
  name: 'schedule',
  summary: 'scheduled messages: list what Bloei will send and when',
  subcommands: [list],
});
