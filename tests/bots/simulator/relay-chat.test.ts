import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const repo = join(import.meta.dirname, '../../..');

/** `npm run --silent <script> -- …` as documented, with lines on stdin. */
function npm(script: string, args: string[], lines: string[], env: Record<string, string>) {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: repo,
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    // The first run builds dist/ (tsc), which takes minutes on a busy machine.
    timeout: 600_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('a coordinator and a resident talking through the scripted simulator', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('pak, antwoord, the resident answers the coordinator, sluit, and the resident is back with the bot', () => {
    const added = npm(
      'bloei',
      ['verbinder', 'add', '--name', 'Cora', '--role', 'coordinator'],
      [],
      env,
    );
    const code = /One-time link code: (\S+)/.exec(added.stdout)?.[1];
    expect(code).toBeDefined();
    const coordinator = (...lines: string[]) =>
      npm('chat', ['--user', 'cora', '--json'], lines, env);
    const resident = (...lines: string[]) =>
      npm('chat', ['--user', 'samira', '--name', 'Samira', '--json'], lines, env);
    const said = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { text: string }).text);

    expect(said(coordinator(code!).stdout)).toEqual([
      'Gelukt, Cora! Je ontvangt hier voortaan hand-offs van Bloei.',
    ]);

    // The resident asks for a person: the coordinator (another simulated user) is alerted.
    const asked = resident('hallo', '1', 'ja', 'nee', 'ik wil iemand spreken');
    expect(asked.stderr).toContain('[to cora] Nieuwe hand-off #1 (gewoon)');

    const claimed = coordinator(
      'pak 1',
      'antwoord 1 Hoi Samira, ik ben Cora. Wanneer kan ik je bellen?',
    );
    expect(said(claimed.stdout)).toEqual([
      'Je hebt #1 opgepakt. Samira krijgt bericht dat jij contact opneemt.',
      'Verstuurd aan Samira (#1).',
    ]);
    expect(claimed.stderr).toContain('[to samira] Goed nieuws: verbinder Cora');
    expect(claimed.stderr).toContain(
      '[to samira] Cora (verbinder): Hoi Samira, ik ben Cora. Wanneer kan ik je bellen?',
    );

    // The resident's next line reaches the coordinator, not the questionnaire.
    const answered = resident('Morgen na 3 uur is goed');
    expect(answered.stdout.trim()).toBe('');
    expect(answered.stderr).toContain('[to cora] #1 Samira: Morgen na 3 uur is goed');

    const closed = coordinator('sluit 1');
    expect(said(closed.stdout)).toEqual(['#1 is afgesloten. Samira kan weer verder met Bloei.']);
    expect(closed.stderr).toContain('[to samira] Je verbinder heeft je vraag afgerond.');

    const back = resident('menu');
    expect(said(back.stdout).at(-1)).toBe('Wat wil je doen?');
    expect(back.stderr).not.toContain('[to cora]');
  }, 1_200_000);
});
