import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const repo = join(import.meta.dirname, '../../..');

/** `npm run --silent chat -- …` exactly as documented, with lines on stdin. */
function chat(args: string[], lines: string[], env: Record<string, string>) {
  const result = spawnSync('npm', ['run', '--silent', 'chat', '--', ...args], {
    cwd: repo,
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 280_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const json = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string; choices: { id: string; label: string }[] });

describe('npm run chat (scripted simulator)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prints one JSON object per bot message and continues the conversation in a second run', () => {
    const env = { DATABASE_URL: db.url };
    const first = json(chat(['--user', 'cli-1', '--json'], ['hallo', '1', 'ja', 'nee', '1'], env));
    expect(first[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
    expect(first[1]).toEqual({
      text: expect.stringMatching(/^In welke taal/),
      choices: [
        { id: 'nl', label: 'Nederlands' },
        { id: 'en', label: 'English' },
        { id: 'ar', label: '\u200Eالعربية' },
        { id: 'tr', label: 'Türkçe' },
        { id: 'pl', label: 'Polski' },
        { id: 'uk', label: 'Українська' },
      ],
    });
    expect(first.at(-1)?.text).toBe('Waar krijg je energie van? Waar word je blij van?');

    const second = json(chat(['--user', 'cli-1', '--json'], ['Van muziek'], env));
    expect(second).toEqual([
      {
        text: 'Waar ben je goed in? Denk ook aan werk dat je vroeger deed, of dingen die anderen vaak aan jou vragen.',
        choices: [],
      },
    ]);
  });

  it('prints plain text with numbered choices, in the --lang language', () => {
    const out = chat(['--user', 'cli-2', '--lang', 'en'], ['hello'], { DATABASE_URL: db.url });
    expect(out).toContain("Hi! I'm Bloei");
    expect(out).toContain('Which language would you like to chat in?');
    expect(out.trimEnd().split('\n').slice(-6, -4)).toEqual(['1. Nederlands', '2. English']);
  });

  it('runs on the embedded database with no DATABASE_URL, kept on disk between runs', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bloei-data-'));
    try {
      const env = { BLOEI_DATA_DIR: dataDir };
      chat(['--user', 'cli-3', '--json'], ['hi', '2', 'yes', 'no'], env);
      const second = json(chat(['--user', 'cli-3', '--json'], ['1'], env));
      expect(second.at(-1)?.text).toBe('What gives you energy? What makes you happy?');
      expect(statSync(join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
