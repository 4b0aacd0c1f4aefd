import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands/index.js';
import { runBloei } from './support/run-bloei.js';

const repo = join(import.meta.dirname, '../..');

/** Every command and sub-command in the table, as the words typed after `bloei`. */
function allPaths(list: readonly AnyCommand[], parents: string[] = []): string[][] {
  return list.flatMap((c) => [
    [...parents, c.name],
    ...allPaths(c.subcommands ?? [], [...parents, c.name]),
  ]);
}

describe('bloei --help', () => {
  it('lists every command with its summary and exits 0', async () => {
    const run = await runBloei(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: bloei \[command\] \[options\]/);
    for (const command of commands) {
      expect(run.stdout).toMatch(
        new RegExp(`^ {2}${command.name}\\b.*${command.summary.slice(0, 20)}`, 'm'),
      );
    }
  });

  it.each(allPaths(commands).map((path) => [path.join(' '), path]))(
    '%s --help shows its usage and exits 0',
    async (_name, path) => {
      const run = await runBloei([...path, '--help']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(new RegExp(`^Usage: bloei ${path.join(' ')}\\b`));
    },
  );

  it('gives every command a summary, and every option a description', () => {
    const all = (list: readonly AnyCommand[]): AnyCommand[] =>
      list.flatMap((c) => [c, ...all(c.subcommands ?? [])]);
    for (const command of all(commands)) {
      expect({ command: command.name, summary: command.summary.length > 10 }).toEqual({
        command: command.name,
        summary: true,
      });
      expect(Boolean(command.run) !== Boolean(command.subcommands?.length)).toBe(true);
      for (const option of command.options ?? []) expect(option.description).not.toBe('');
    }
  });

  it('refuses an unknown command with exit code 1 and a hint', async () => {
    const run = await runBloei(['nonsense']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error: unknown command 'nonsense'\n(add --help for usage)\n");
  });

  // A safety cap against hanging only: two npm runs take seconds on a busy machine.
  it(
    'works the documented way: `npm run bloei -- --help` and `… chat --help` exit 0',
    {
      timeout: 180_000,
    },
    () => {
      const npm = (args: string[]) =>
        spawnSync('npm', ['run', '--silent', 'bloei', '--', ...args], {
          cwd: repo,
          encoding: 'utf8',
        });
      const program = npm(['--help']);
      expect({ status: program.status, stderr: program.stderr }).toEqual({ status: 0, stderr: '' });
      expect(program.stdout).toMatch(/^Usage: bloei \[command\]/);
      const chat = npm(['chat', '--help']);
      expect({ status: chat.status, stderr: chat.stderr }).toEqual({ status: 0, stderr: '' });
      expect(chat.stdout).toMatch(/^Usage: bloei chat \[options\]/);
      expect(chat.stdout).toContain('--user <id>');
    },
  );
});
