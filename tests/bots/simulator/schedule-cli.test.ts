import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const repo = join(import.meta.dirname, '../../..');

/** `npm run --silent <script> -- …` exactly as documented. */
function npm(script: string, args: string[], env: Record<string, string>, input = '') {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    // Only a guard against a hang: the first run builds the project, slow on a busy machine.
    timeout: 900_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/**
 * The day the two-week check-up falls on when the scan ended at `at`: fourteen days on, at
 * 10:00 in Amsterdam; a Sunday is skipped to Monday at 9:00, when sending may start.
 */
function twoWeeksFrom(at: Date): string {
  const day = DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).plus({ days: 14 });
  return day.weekday === 7
    ? `${day.plus({ days: 1 }).toISODate()} 09:00`
    : `${day.toISODate()} 10:00`;
}

describe('a talentenscan in the scripted simulator, then `schedule list`', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('shows the two-week check-up the resident accepted, on the right date', () => {
    const env = { DATABASE_URL: db.url };
    const before = new Date();
    const scan = [
      'hallo',
      '1',
      'ja',
      'nee',
      '1',
      'Van muziek',
      'Gitaar spelen',
      'muziek',
      'Les geven aan kinderen',
      'Meer mensen leren kennen',
      '2',
      '2',
      '3',
      '1',
      'ja',
      'nee',
    ];
    const asked = npm('chat', ['--user', 'scan-cli', '--lang', 'nl'], env, scan.join('\n') + '\n');
    expect(asked).toContain('Zal ik je over twee weken een berichtje sturen?');
    const accepted = npm('chat', ['--user', 'scan-cli'], env, 'ja, over twee weken\n');
    expect(accepted).toContain('Afgesproken! Dan stuur ik je een berichtje.');
    const after = new Date();

    const lines = npm('bloei', ['schedule', 'list'], env).trim().split('\n');
    expect(lines).toHaveLength(1);
    const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) scanCheckUp simulator ([0-9a-f-]{36})$/.exec(
      lines[0]!,
    );
    expect(match, lines[0]).not.toBeNull();
    expect([twoWeeksFrom(before), twoWeeksFrom(after)]).toContain(match![1]);

    const onThatDay = match![1]!.slice(0, 10);
    const filtered = npm(
      'bloei',
      ['schedule', 'list', '--from', onThatDay, '--to', onThatDay, '--kind', 'scanCheckUp'],
      env,
    );
    expect(filtered.trim()).toBe(lines[0]);
  }, 1_800_000);
});
