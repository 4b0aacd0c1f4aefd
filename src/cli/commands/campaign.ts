/**
 * `campaign preview|start|status|stop`: a coordinator's message to many residents at once,
 * from the command line. A campaign is named by its name; the work is src/campaigns and the
 * campaign repository, this file reads the options and prints the result in words.
 */
import { defineCommand, type CommandContext } from '../command.js';

const audienceOption = {
  flags: '--audience <audience>',
  description: 'wijk:<id>, cohort:<id or name> or consent:<purpose>',
  required: true,
};

async function campaignStore(database: CommandContext<unknown>['database']) {
  const { createStore } = await import('../../store/store.js');
  return createStore(await database());
}

const preview = defineCommand<{ audience: string }>({
  name: 'preview',
  summary: 'who a campaign would reach, per language and channel (nothing is sent)',
  options: [audienceOption],
  examples: ['npm run bloei -- campaign preview --audience wijk:stratum'],
  async run({ options, database, print }) {
    const { parseAudience } = await import('../../campaigns/campaign-input.js');
    const { describeCount } = await import('../../campaigns/campaign-lines.js');
    const store = await campaignStore(database);
    for (const line of describeCount(
      await store.campaigns.preview(parseAudience(options.audience)),
    ))
      print(line);
  },
});

const start = defineCommand<{
  name: string;
  audience: string;
  kind: 'checkIn' | 'message';
  text?: string[];
  at?: string;
}>({
  name: 'start',
  summary: 'send a check-in invitation or a message to an audience, each resident once',
  description: [
    'Each resident gets it in their own language, inside the allowed hours and the part of',
    'the day they prefer, at most once: starting a campaign of the same name again goes on',
    'with it (after a crash) and sends nobody a second copy. A message needs a text in at',
    'least one language (Dutch is used for residents whose language has none).',
  ].join(' '),
  options: [
    { flags: '--name <name>', description: 'the campaign, by a name of your own', required: true },
    audienceOption,
    {
      flags: '--kind <kind>',
      description: 'a check-in invitation, or a message of your own',
      required: true,
      choices: ['checkIn', 'message'],
    },
    { flags: '--text <language=text...>', description: 'the message per language, e.g. nl=Hoi!' },
    { flags: '--at <time>', description: 'start at YYYY-MM-DD HH:MM in Amsterdam (default: now)' },
  ],
  examples: [
    'npm run bloei -- campaign start --name "Check-in december" --audience wijk:stratum --kind checkIn',
    'npm run bloei -- campaign start --name Buurtfeest --audience consent:monitoring --kind message --text "nl=Zaterdag is er een buurtfeest!" "en=There is a street party on Saturday!" --at "2026-12-12 10:00"',
  ],
  async run({ options, database, print, now }) {
    const { parseAudience, parseStartAt, parseTexts } =
      await import('../../campaigns/campaign-input.js');
    const { startCampaign } = await import('../../campaigns/start-campaign.js');
    const { describeProgress } = await import('../../campaigns/campaign-lines.js');
    const { languageChoices } = await import('../../flows/definitions/language.js');
    const store = await campaignStore(database);
    const started = await startCampaign(store, {
      name: options.name,
      kind: options.kind,
      ...parseAudience(options.audience),
      texts: parseTexts(
        options.text ?? [],
        languageChoices.map((l) => l.id),
      ),
      startAt: parseStartAt(options.at, now()),
      createdBy: 'cli',
    });
    const { campaign, added, continued } = started;
    print(
      continued
        ? `Campaign "${campaign.name}" went on: ${added} more residents.`
        : `Campaign "${campaign.name}" started: ${added} residents.`,
    );
    print(describeProgress(campaign, await store.campaigns.progress(campaign.id)));
  },
});

const status = defineCommand({
  name: 'status',
  summary: 'each campaign with how far it is: sent, waiting, skipped, stopped',
  arguments: [{ name: '[name]', description: 'only this campaign' }],
  async run({ args, database, print }) {
    const { describeProgress } = await import('../../campaigns/campaign-lines.js');
    const store = await campaignStore(database);
    const campaigns = args[0]
      ? [await store.campaigns.findByName(args[0])].filter((c) => c !== null)
      : await store.campaigns.list();
    if (args[0] && campaigns.length === 0) return missing(args[0], print);
    for (const campaign of campaigns)
      print(describeProgress(campaign, await store.campaigns.progress(campaign.id)));
  },
});

const stop = defineCommand({
  name: 'stop',
  summary: 'stop a campaign: what was not sent yet is not sent',
  arguments: [{ name: '<name>', description: 'the campaign' }],
  async run({ args, database, print, now }) {
    const store = await campaignStore(database);
    const campaign = await store.campaigns.findByName(args[0]!);
    if (!campaign) return missing(args[0]!, print);
    const cancelled = await store.campaigns.stop(campaign.id, now());
    print(`Campaign "${campaign.name}" stopped: ${cancelled} messages will not be sent.`);
  },
});

function missing(name: string, print: (line: string) => void): number {
  print(`No campaign is called "${name}".`);
  return 1;
}

export default defineCommand({
  name: 'campaign',
  summary: 'campaigns: one message to a wijk, a cohort or everyone with a consent',
  subcommands: [preview, start, status, stop],
});
