/**
 * A command of the `bloei` command line, described as data: its name, what it is for, its
 * arguments and options, and what it does. `program.ts` turns the table in
 * `commands/index.ts` into a commander program, so every command has usage text and
 * `--help`. A command's `run` imports what it needs itself (`await import(…)`), so asking
 * for help, or running a small command, never loads the chat libraries, BullMQ or Fastify.
 */
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import type { Logger } from '../conversations/ports.js';
import type { DatabaseProgress } from '../store/open-database.js';
import type { PrismaClient } from '../store/prisma-client.js';

export interface CommandOption {
  /** As commander writes them: `--user <id>`, `--lang <language>`, `--dry-run`. */
  flags: string;
  description: string;
  required?: boolean;
  /** The only values allowed; commander names them in the error and in the help. */
  choices?: readonly string[];
}

export interface CommandArgument {
  /** `<file>` (required) or `[file]` (optional). */
  name: string;
  description: string;
}

/**
 * How a command logs when LOG_LEVEL is unset: `tool` warnings only, `service` everything
 * from info up; `console` like a service, but into the data directory's log file while a
 * person chats on the terminal.
 */
export type LogStyle = 'tool' | 'service' | 'console';

/** What a running command gets from the program. */
export interface CommandContext<Options> {
  /** Parsed options, camel-cased (`--dry-run` → `dryRun`). */
  options: Options;
  /** The positional arguments, in the order of `arguments`. */
  args: string[];
  config: Config;
  logger: Logger;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Writes one line of the command's result to stdout. */
  print(line: string): void;
  /** Reports the steps of preparing the database (pass to `createApp` as `progress`). */
  progress(event: DatabaseProgress): void;
  /** The migrated database, opened on first use and closed when the command ends. */
  database(): Promise<PrismaClient>;
  now(): Date;
}

export interface BloeiCommand<Options = Record<string, never>> {
  name: string;
  /** One line, shown in the list of commands. */
  summary: string;
  /** More about the command, shown by `<command> --help`. */
  description?: string;
  arguments?: readonly CommandArgument[];
  options?: readonly CommandOption[];
  /** Example invocations, shown at the end of `--help`. */
  examples?: readonly string[];
  logs?: LogStyle;
  /**
   * What the command does; a command with sub-commands has none. Resolves with the exit
   * code when it is not 0 (a refused import); throws for an error.
   */
  run?(context: CommandContext<Options>): Promise<number | void>;
  subcommands?: readonly AnyCommand[];
}

// Options differ per command; the table holds them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = BloeiCommand<any>;

/** Declares a command with typed options: `defineCommand<{ user: string }>({ … })`. */
export function defineCommand<Options = Record<string, never>>(
  command: BloeiCommand<Options>,
): BloeiCommand<Options> {
  return command;
}
