/** `wijk list|add`: the wijken that hand-offs are routed by. */
import { defineCommand } from '../command.js';

const list = defineCommand({
  name: 'list',
  summary: 'every wijk: id and name',
  async run({ database, print }) {
    const prisma = await database();
    for (const w of await prisma.wijk.findMany({ orderBy: { sortOrder: 'asc' } })) {
      print(`${w.id}  ${w.name}${w.active ? '' : '  (inactive)'}`);
    }
  },
});

const add = defineCommand<{ id: string; name: string }>({
  name: 'add',
  summary: 'add a wijk (or rename one); the flows offer it at once',
  options: [
    { flags: '--id <id>', description: 'lower case letters, digits and -', required: true },
    {
      flags: '--name <name>',
      description: 'the name residents and verbinders see',
      required: true,
    },
  ],
  examples: ['npm run bloei -- wijk add --id achtste --name "Achtste wijkteam"'],
  async run({ options, database, print }) {
    const { addWijk } = await import('../../handoff/verbinder-admin.js');
    const { createStore } = await import('../../store/store.js');
    const wijk = await addWijk(createStore(await database()), options.id, options.name);
    print(`wijk ${wijk.id} (${wijk.name}) saved.`);
  },
});

export default defineCommand({
  name: 'wijk',
  summary: 'manage wijken: list, add',
  subcommands: [list, add],
});
