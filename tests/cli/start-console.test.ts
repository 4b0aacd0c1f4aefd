import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFileOf } from '../../src/store/data-dir-lock.js';
import { bloeiMain } from '../support/bloei-main.js';

const repo = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'bloei-console-'));
// Terminal control sequences (colours, cursor moves), to read the screen as text.
// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;?]*[A-Za-z]/g;

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * `bloei start` in a real terminal (a pseudo-terminal from util-linux `script`), on a fresh
 * embedded database: what a newcomer sees after `npm install && npm start`.
 */
function startInTerminal() {
  const child = spawn(
    'script',
    [
      '--quiet',
      '--return',
      '--flush',
      '--command',
      // What `npm start` runs once it has compiled the sources (the global setup did).
      `"${process.execPath}" "${bloeiMain}" start`,
      '/dev/null',
    ],
    {
      cwd: repo,
      env: {
        ...process.env,
        DATABASE_URL: '',
        REDIS_URL: '',
        LOG_LEVEL: '',
        BLOEI_DATA_DIR: dataDir,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let screen = '';
  const collect = (chunk: Buffer) =>
    (screen += chunk.toString().replace(ansi, '').replaceAll('\r', ''));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    screen: () => screen,
    /** Types lines as a person would, Enter included. */
    type: (...lines: string[]) => child.stdin.write(lines.map((l) => `${l}\r`).join('')),
    press: (key: string) => child.stdin.write(key),
    exited,
    async shows(text: string, from = 0): Promise<void> {
      // A safety cap against hanging only: the first start creates the database.
      const deadline = Date.now() + 300_000;
      while (!screen.slice(from).includes(text)) {
        if (Date.now() > deadline) throw new Error(`never showed "${text}":\n${screen}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

describe('npm start in a terminal', () => {
  it(
    'prepares the database with progress, runs the whole hand-off loop, shows no log lines, stops on one Ctrl+C',
    {
      timeout: 900_000,
    },
    async () => {
      const bloei = startInTerminal();
      await bloei.shows("Creating Bloei's database in");
      await bloei.shows('Updating the database (');
      await bloei.shows('Bloei is running.');
      await bloei.shows('/verbinder   play Sam (demo)');
      await bloei.shows(`Logs go to ${join(dataDir, 'bloei.log')}`);

      bloei.type(
        'hallo',
        '1',
        'ja',
        'nee',
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
        // Nothing needed to get somewhere; none of the places for now; yes to a verbinder.
        '3',
        '4',
        'ja',
      );
      await bloei.shows('┌ for the verbinder Sam (demo)');
      const mark = bloei.screen().length;
      bloei.type('/verbinder', 'pak 1');
      await bloei.shows('Je hebt #1 opgepakt.', mark);
      bloei.type('sluit 1');
      await bloei.shows('#1 is afgesloten.', mark);

      bloei.press('\x03');
      expect(await bloei.exited).toBe(0);
      const screen = bloei.screen();
      expect(screen.match(/Stopping Bloei…/g)).toHaveLength(1);
      expect(screen).not.toMatch(/"level":|\b(INFO|WARN|ERROR)\b/);
      const log = readFileSync(join(dataDir, 'bloei.log'), 'utf8');
      expect(log).toMatch(/INFO.*: stopped\n/);
      expect(log).not.toContain('second signal');
      expect(existsSync(lockFileOf(dataDir))).toBe(false);
    },
  );
});
