/** `chat`: the scripted simulator, for scripts and tests. */
import { defineCommand } from '../command.js';

export default defineCommand<{ user: string; lang?: string; name?: string; json?: boolean }>({
  name: 'chat',
  summary: 'the scripted simulator: one resident message per stdin line',
  description: [
    'Prints every bot message: plain (the text, then the choices as numbered lines) or, with',
    '--json, one {"text", "choices": [{"id", "label"}]} object per line. Exits when stdin',
    'ends. A second run with the same --user continues the conversation. A line <media> sends',
    'a photo (<media:voice> a voice note), <tap:ID> taps the button with choice id ID. A',
    'message for another simulated user (an alert to a verbinder, an answer relayed to a',
    'resident) is printed on stderr as "[to USER] text".',
  ].join(' '),
  options: [
    { flags: '--user <id>', description: 'the resident to play', required: true },
    { flags: '--lang <language>', description: "the language hint a phone would give, e.g. 'en'" },
    { flags: '--name <first name>', description: 'the name a phone would give, e.g. Samira' },
    { flags: '--json', description: 'one JSON object per bot message' },
  ],
  examples: ["printf 'hallo\\n1\\nja\\n1\\n' | npm run --silent chat -- --user demo"],
  async run({ options, config, logger, stdin, stdout, progress }) {
    const { createApp } = await import('../../app.js');
    const { SimulatorChannel } = await import('../../bots/simulator/simulator-channel.js');
    // A script types faster than any person: no flood control for the scripted simulator.
    const app = await createApp(config, logger, { flood: false, progress });
    const simulator = new SimulatorChannel({
      userId: options.user,
      input: stdin,
      output: stdout,
      format: options.json ? 'json' : 'plain',
      ...(options.lang ? { languageHint: options.lang } : {}),
      ...(options.name ? { displayName: options.name } : {}),
    });
    app.router.add(simulator);
    try {
      await simulator.start((message) => app.handler.handle(message));
      await simulator.finished();
    } finally {
      await app.close();
    }
  },
});
