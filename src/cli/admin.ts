/**
 * Coordinator commands on the command line:
 *   verbinder add --name N (--wijk W | --role coordinator) [--language nl|en]
 *   verbinder code --id ID        a new one-time link code
 *   verbinder list
 *   verbinder login --id ID --login NAME   dashboard sign-in; the password is read from stdin
 *   wijk list | wijk add --id ID --name NAME
 *   checkin invite --contact ID   the check-in starts in the resident's chat within a minute
 */
import { parseArgs } from 'node:util';
import type { PrismaClient } from '../store/prisma-client.js';
import { createStore } from '../store/store.js';
import { AdminError, addVerbinder, addWijk, issueLinkCode } from '../handoff/verbinder-admin.js';
import { setStaffPassword, WeakPasswordError } from '../staff/staff-auth.js';

type Print = (line: string) => void;
/** Reads a secret (a password) from standard input, never from the command line. */
type ReadSecret = () => Promise<string>;

export async function runAdmin(
  prisma: PrismaClient,
  argv: string[],
  print: Print,
  now = new Date(),
  readSecret: ReadSecret = () => Promise.resolve(''),
): Promise<void> {
  const store = createStore(prisma);
  const [area, action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      wijk: { type: 'string' },
      role: { type: 'string' },
      language: { type: 'string' },
      id: { type: 'string' },
      contact: { type: 'string' },
      hours: { type: 'string' },
      login: { type: 'string' },
    },
  });
  const hours = values.hours ? Number(values.hours) : undefined;
  switch (`${area} ${action}`) {
    case 'verbinder add': {
      if (!values.name) throw new AdminError('verbinder add needs --name');
      const role = values.role === 'coordinator' ? 'coordinator' : 'verbinder';
      const { verbinder, code, expiresAt } = await addVerbinder(
        store,
        {
          name: values.name,
          role,
          ...(values.wijk ? { wijk: values.wijk } : {}),
          ...(values.language ? { language: values.language } : {}),
        },
        now,
        hours,
      );
      print(`${verbinder.role} ${verbinder.name} added (id ${verbinder.id}).`);
      printCode(print, code, expiresAt);
      return;
    }
    case 'verbinder code': {
      if (!values.id) throw new AdminError('verbinder code needs --id');
      const { code, expiresAt } = await issueLinkCode(store, values.id, now, hours);
      printCode(print, code, expiresAt);
      return;
    }
    case 'verbinder login': {
      if (!values.id || !values.login)
        throw new AdminError('verbinder login needs --id and --login');
      try {
        await setStaffPassword(store, values.id, values.login, (await readSecret()).trim());
      } catch (error) {
        if (error instanceof WeakPasswordError) throw new AdminError(error.message);
        throw error;
      }
      print(`Dashboard login ${values.login.trim().toLowerCase()} set.`);
      return;
    }
    case 'verbinder list': {
      const all = await prisma.verbinder.findMany({
        orderBy: [{ wijkId: 'asc' }, { name: 'asc' }],
      });
      for (const v of all) {
        const linked = v.linkedAt ? `linked on ${v.channel}` : 'not linked';
        print(`${v.id}  ${v.name}  ${v.role}  ${v.wijkId ?? '-'}  ${linked}`);
      }
      return;
    }
    case 'wijk list': {
      for (const w of await prisma.wijk.findMany({ orderBy: { sortOrder: 'asc' } })) {
        print(`${w.id}  ${w.name}${w.active ? '' : '  (inactive)'}`);
      }
      return;
    }
    case 'wijk add': {
      if (!values.id || !values.name) throw new AdminError('wijk add needs --id and --name');
      const wijk = await addWijk(store, values.id, values.name);
      print(`wijk ${wijk.id} (${wijk.name}) saved.`);
      return;
    }
    case 'checkin invite': {
      if (!values.contact) throw new AdminError('checkin invite needs --contact');
      const contact = await prisma.contact.findUnique({ where: { id: values.contact } });
      if (!contact) throw new AdminError(`no contact ${values.contact}`);
      await prisma.invitation.create({
        data: { contactId: contact.id, flow: 'checkIn', dueAt: now, createdBy: 'cli' },
      });
      print('Check-in invitation saved; Bloei sends it within a minute.');
      return;
    }
    default:
      throw new AdminError(
        'use: verbinder add|code|login|list, wijk list|add, checkin invite (see README)',
      );
  }
}

function printCode(print: Print, code: string, expiresAt: Date): void {
  print(`One-time link code: ${code}`);
  print(
    `Send it to Bloei from your own Telegram or WhatsApp chat before ${expiresAt.toISOString()}.`,
  );
}
