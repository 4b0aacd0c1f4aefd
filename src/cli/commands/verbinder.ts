/** `verbinder add|code|login|list`: the people who take over from Bloei. */
import type { CommandContext } from '../command.js';
import { defineCommand } from '../command.js';

const hoursOption = {
  flags: '--hours <hours>',
  description: 'how long the link code works (default 72)',
} as const;

/** Prints a link code and what to do with it. */
function printCode(print: (line: string) => void, code: string, expiresAt: Date): void {
  print(`One-time link code: ${code}`);
  print(
    `Send it to Bloei from your own Telegram or WhatsApp chat before ${expiresAt.toISOString()}.`,
  );
}

const hours = (value: string | undefined) => (value ? Number(value) : undefined);

/** "ar, tr" → ["ar", "tr"]. */
const speaksList = (value: string) =>
  value
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

const add = defineCommand<{
  name: string;
  wijk?: string;
  role?: string;
  language?: string;
  speaks?: string;
  hours?: string;
}>({
  name: 'add',
  summary: 'add a verbinder (or a coordinator) and print their one-time link code',
  description: [
    'A verbinder works in one wijk and receives its hand-offs; a coordinator receives what',
    'no wijk verbinder can. The code, sent to Bloei from their own chat, links that chat.',
  ].join(' '),
  options: [
    { flags: '--name <name>', description: 'the name residents are told', required: true },
    { flags: '--wijk <id>', description: 'their wijk (see `wijk list`); needed for a verbinder' },
    {
      flags: '--role <role>',
      description: 'verbinder (default) or coordinator',
      choices: ['verbinder', 'coordinator'],
    },
    { flags: '--language <language>', description: 'the language of their alerts (default nl)' },
    {
      flags: '--speaks <languages>',
      description:
        'other languages they speak, comma-separated (e.g. ar,tr): residents who speak one are handed to them first',
    },
    hoursOption,
  ],
  examples: [
    'npm run bloei -- verbinder add --name Wilma --wijk stratum',
    'npm run bloei -- verbinder add --name Cora --role coordinator',
    'npm run bloei -- verbinder add --name Samir --wijk woensel-zuidwest --speaks ar,en',
  ],
  async run({ options, database, print, now }) {
    const { addVerbinder } = await import('../../handoff/verbinder-admin.js');
    const { createStore } = await import('../../store/store.js');
    const { verbinder, code, expiresAt } = await addVerbinder(
      createStore(await database()),
      {
        name: options.name,
        role: options.role === 'coordinator' ? 'coordinator' : 'verbinder',
        ...(options.wijk ? { wijk: options.wijk } : {}),
        ...(options.language ? { language: options.language } : {}),
        ...(options.speaks ? { languages: speaksList(options.speaks) } : {}),
      },
      now(),
      hours(options.hours),
    );
    print(`${verbinder.role} ${verbinder.name} added (id ${verbinder.id}).`);
    printCode(print, code, expiresAt);
  },
});

const code = defineCommand<{ id: string; hours?: string }>({
  name: 'code',
  summary: 'a new one-time link code for a verbinder (single use, 72 hours)',
  options: [
    { flags: '--id <id>', description: 'the verbinder (see `verbinder list`)', required: true },
    hoursOption,
  ],
  async run({ options, database, print, now }) {
    const { issueLinkCode } = await import('../../handoff/verbinder-admin.js');
    const { createStore } = await import('../../store/store.js');
    const store = createStore(await database());
    const issued = await issueLinkCode(store, options.id, now(), hours(options.hours));
    printCode(print, issued.code, issued.expiresAt);
  },
});

const login = defineCommand<{ id: string; login: string }>({
  name: 'login',
  summary: 'set a dashboard login; the password is read from stdin',
  description: 'The password never goes on the command line, so it stays out of the shell history.',
  options: [
    { flags: '--id <id>', description: 'the verbinder (see `verbinder list`)', required: true },
    { flags: '--login <name>', description: 'the name to sign in with', required: true },
  ],
  examples: [
    "printf '%s\\n' 'a long password of your own' | npm run --silent bloei -- verbinder login --id <id> --login cora",
  ],
  async run({ options, database, print, stdin }) {
    const { AdminError } = await import('../../handoff/verbinder-admin.js');
    const { setStaffPassword } = await import('../../staff/staff-auth.js');
    const { WeakPasswordError } = await import('../../errors/weak-password-error.js');
    const { createStore } = await import('../../store/store.js');
    const password = (await firstLine(stdin)).trim();
    try {
      await setStaffPassword(createStore(await database()), options.id, options.login, password);
    } catch (error) {
      if (error instanceof WeakPasswordError) throw new AdminError(error.message, { cause: error });
      throw error;
    }
    print(`Dashboard login ${options.login.trim().toLowerCase()} set.`);
  },
});

const list = defineCommand({
  name: 'list',
  summary: 'every verbinder and coordinator: id, name, role, wijk, languages spoken, linked chat',
  async run({ database, print }) {
    const prisma = await database();
    const all = await prisma.verbinder.findMany({ orderBy: [{ wijkId: 'asc' }, { name: 'asc' }] });
    for (const v of all) {
      const linked = v.linkedAt ? `linked on ${v.channel}` : 'not linked';
      const speaks = [v.language, ...v.languages].join(',');
      print(`${v.id}  ${v.name}  ${v.role}  ${v.wijkId ?? '-'}  speaks ${speaks}  ${linked}`);
    }
  },
});

/** The first line of standard input (a password piped in). */
async function firstLine(stdin: CommandContext<unknown>['stdin']): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.split('\n')[0] ?? '';
}

export default defineCommand({
  name: 'verbinder',
  summary: 'manage verbinders and coordinators: add, code, login, list',
  subcommands: [add, code, login, list],
});
