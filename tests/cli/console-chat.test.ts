import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/cli/console/console-chat.js';
import { demoVerbinder, linkDemoVerbinder } from '../../src/cli/console/demo-verbinder.js';
import { simulatorChannel } from '../../src/bots/simulator/to-inbound.js';
import { consentNl } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A talentenscan that ends with a wish for contact, from the menu. */
const scanWithContact = [
  '1',
  'muziek',
  'koken',
  '1',
  'helpen',
  'niks',
  '2',
  '2',
  '3',
  '3',
  'ja',
  'ja',
];

/** The console on a scripted input; `screen()` is everything it printed so far. */
function scriptedConsole(app: TestApp) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const console = new ConsoleChat({
    input,
    output,
    users: { resident: 'console', verbinder: demoVerbinder.userId },
    languageHint: 'nl',
    terminal: false,
  });
  app.router.add(console);
  return {
    console,
    type: (...lines: string[]) => input.write(lines.map((l) => `${l}\n`).join('')),
    end: () => input.end(),
    screen: () => screen,
    /** Waits until the screen shows `text` (a cap only guards against hanging). */
    async shows(text: string | RegExp): Promise<string> {
      const deadline = Date.now() + 280_000;
      const found = () => (typeof text === 'string' ? screen.includes(text) : text.test(screen));
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`the console never showed ${text}:\n${screen}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return screen;
    },
  };
}

describe(ConsoleChat.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('plays the resident and the demo verbinder in one terminal: scan, hand-off, pak, sluit', async () => {
    const { name } = await linkDemoVerbinder(app.prisma, {
      channel: simulatorChannel,
      language: 'nl',
      now: app.clock.now(),
    });
    const chat = scriptedConsole(app);
    chat.console.playVerbinder(name);
    await chat.console.start((message) => app.handler.handle(message));

    chat.type(...consentNl, ...scanWithContact);
    await chat.shows('┌ for the verbinder Sam (demo) · /verbinder to answer');
    expect(chat.screen()).toMatch(/│ Nieuwe hand-off #1 \(gewoon\)\n/);
    // The alert's summary names the wijk, and the chosen choices, in words.
    expect(chat.screen()).toContain('│ • Wijk: Stratum\n');
    expect(chat.screen()).toContain('│ • Tijd: Een paar uur per week\n');

    chat.type('/verbinder', 'open');
    await chat.shows('You are now Sam (demo), verbinder.');
    await chat.shows('#1 nog niet opgepakt · Stratum · talentenscan klaar, wil contact');
    await chat.shows(/\nverbinder> $/);

    chat.type('1');
    await chat.shows(
      '┌ for the resident · /inwoner to go back\n  │ Goed nieuws: verbinder Sam (demo)',
    );
    await chat.shows('Je hebt #1 opgepakt.');

    chat.type('sluit 1', '/inwoner', 'hoi');
    await chat.shows('#1 is afgesloten.');
    await chat.shows('You are the resident again');
    await chat.shows(/inwoner> \n[^]*Wat wil je doen\?/);
    chat.end();
    await chat.console.finished();

    const handoff = await app.prisma.handoff.findFirstOrThrow({ where: { number: 1 } });
    expect(handoff).toMatchObject({ status: 'closed', claimedById: demoVerbinder.id });
  });

  it('explains that there is no verbinder to play when none was added', async () => {
    const chat = scriptedConsole(app);
    await chat.console.start((message) => app.handler.handle(message));
    chat.type('/verbinder');
    await chat.shows('There is no demo verbinder on this database');
    chat.end();
    await chat.console.finished();
  });
});
