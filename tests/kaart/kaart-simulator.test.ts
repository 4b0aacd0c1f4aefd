/**
 * What a coordinator and a resident do, as documented: `bloei kaart import` of the example
 * file, then `npm run chat` (the scripted simulator, its own process) playing a Stratum
 * resident who likes cooking. The scan's ending names the Stratum cooking place of the file
 * and no place in another wijk.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBloei } from '../cli/support/run-bloei.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { examplePath, exampleOffers, stratumCookNl } from './stratum-cook.js';

const repo = join(import.meta.dirname, '../..');

/** `npm run --silent chat -- --user … --json` with `lines` on stdin; resolves when it exits. */
function chat(user: string, lines: string[], databaseUrl: string) {
  return new Promise<{ code: number | null; messages: { text: string }[]; stderr: string }>(
    (resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'chat', '--', '--user', user, '--json'], {
        cwd: repo,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const messages = stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { text: string });
        resolve({ code, messages, stderr });
      });
      child.stdin.end(lines.map((l) => `${l}\n`).join(''));
    },
  );
}

describe('the sociale kaart in the scripted simulator', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('imports the example kaart; a Stratum resident who likes cooking is offered the Stratum cooking place', async () => {
    const imported = await runBloei(['kaart', 'import', examplePath], { prisma: db.prisma });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported 26 lines: 26 new, 0 updated, 0 unchanged\./);

    const run = await chat('stratum-cook', [...stratumCookNl, '3'], db.url);
    expect(run.code, run.stderr).toBe(0);
    const ending = run.messages.at(-1)!.text;
    expect(ending).toMatch(/^Deze plekken passen bij jou:/);
    expect(ending).toContain('Kookcafé De Pollepel (voorbeeld)');
    for (const other of exampleOffers().filter((o) => !['stratum', 'all'].includes(o.wijk))) {
      expect(ending).not.toContain(other.name);
    }
  }, 300_000);
});
