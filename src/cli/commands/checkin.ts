/** `checkin invite`: asks a resident for a pas-op-de-plaats check-in. */
import { defineCommand } from '../command.js';

const invite = defineCommand<{ contact: string }>({
  name: 'invite',
  summary: "start a check-in in a resident's chat (within a minute)",
  description: 'The maintenance job sends it: it needs Redis, or `start` running with Redis.',
  options: [{ flags: '--contact <id>', description: 'the resident (contact id)', required: true }],
  async run({ options, database, print, now }) {
    const { AdminError } = await import('../../handoff/verbinder-admin.js');
    const prisma = await database();
    const contact = await prisma.contact.findUnique({ where: { id: options.contact } });
    if (!contact) throw new AdminError(`no contact ${options.contact}`);
    await prisma.invitation.create({
      data: { contactId: contact.id, flow: 'checkIn', dueAt: now(), createdBy: 'cli' },
    });
    print('Check-in invitation saved; Bloei sends it within a minute.');
  },
});

export default defineCommand({
  name: 'checkin',
  summary: 'check-ins: invite a resident',
  subcommands: [invite],
});
