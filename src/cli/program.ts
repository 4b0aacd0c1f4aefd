/**
 * The `bloei` command line: the table of commands (`commands/index.ts`) as a commander
 * program. Commander parses, checks required options and allowed values, and writes the
 * usage text of the program and of every command; this file then runs the chosen command
 * with its settings, a logger that suits it, and the database when it asks for one.
 */
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import type { Logger } from '../conversations/ports.js';
import type { DatabaseProgress, OpenedDatabase } from '../store/open-database.js';
import type { PrismaClient } from '../store/prisma-client.js';
import type { AnyCommand, CommandContext, LogStyle } from './command.js';
import { commands } from './commands/index.js';
import { interruptOnCtrlC } from './interrupt-on-ctrl-c.js';
import { progressReporter } from './progress-reporter.js';

/** The process's surroundings; tests replace parts of it. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Opens the migrated database for `context.database()`; tests hand in their own. */
  openDatabase?: (
    config: { databaseUrl?: string | undefined; dataDir: string },
    progress: (event: DatabaseProgress) => void,
  ) => Promise<Pick<OpenedDatabase, 'prisma' | 'close'>>;
  /** Replaces the logger the command's style would get (tests). */
  logger?: Logger;
  now?: () => Date;
}

/** Errors whose message says everything: printed as one line, without a stack. */
const oneLineErrors = new Set([
  'CONFIG_INVALID',
  'ADMIN_INVALID',
  'DATA_DIR_LOCKED',
  'PASSWORD_WEAK',
  'SCHEDULE_DATE_INVALID',
  'CAMPAIGN_REFUSED',
  'ENOENT',
  'EACCES',
  'EISDIR',
]);

/** Runs the command line `argv` (without `node main.js`) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment = processEnvironment(),
): Promise<number> {
  const { stdout, stderr } = environment;
  let chosen: { spec: AnyCommand; path: string[]; command: Command } | undefined;
  const program = new Command('bloei')
    .description("Bloei, the chat assistant of Buurt in Bloei. Without a command: 'start'.")
    .usage('[command] [options]')
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const choose =
    (spec: AnyCommand, path: string[]) =>
    (...args: unknown[]) => {
      chosen = { spec, path, command: args.at(-1) as Command };
    };
  for (const spec of commands) {
    program.addCommand(toCommander(spec, program, [], choose));
  }
  try {
    await program.parseAsync(argv.length > 0 ? [...argv] : ['start'], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  if (!chosen?.spec.run) return 1;
  try {
    return await runCommand(chosen.spec, chosen.path, chosen.command, environment);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && typeof code === 'string' && oneLineErrors.has(code)) {
      stderr.write(`${error.message}\n`);
    } else {
      stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return 1;
  }
}

function toCommander(
  spec: AnyCommand,
  parent: Command,
  parents: string[],
  choose: (spec: AnyCommand, path: string[]) => (...args: unknown[]) => void,
): Command {
  const path = [...parents, spec.name];
  // Output, exit handling and the hint after an error, as the program has them.
  const command = new Command(spec.name)
    .copyInheritedSettings(parent)
    .summary(spec.summary)
    .description(spec.description ? `${spec.summary}\n\n${spec.description}` : spec.summary);
  for (const argument of spec.arguments ?? [])
    command.argument(argument.name, argument.description);
  for (const option of spec.options ?? []) {
    const built = new Option(option.flags, option.description);
    if (option.choices) built.choices(option.choices);
    if (option.required) built.makeOptionMandatory();
    command.addOption(built);
  }
  if (spec.examples?.length) {
    const lines = spec.examples.map((example) => `  ${example}`).join('\n');
    command.addHelpText('after', `\nExamples:\n${lines}`);
  }
  for (const sub of spec.subcommands ?? []) {
    command.addCommand(toCommander(sub, command, path, choose));
  }
  if (spec.run) command.action(choose(spec, path));
  return command;
}

async function runCommand(
  spec: AnyCommand,
  path: string[],
  command: Command,
  environment: CliEnvironment,
): Promise<number> {
  // `ps` and the embedded database's lock file name the command this process runs.
  process.title = `bloei ${path.join(' ')}`;
  const { loadConfig } = await import('../config.js');
  const config = loadConfig(environment.env);
  const style: LogStyle = spec.logs ?? 'tool';
  const logger = environment.logger ?? (await loggerFor(style, config, environment));
  const now = environment.now ?? (() => new Date());
  const progress = progressReporter(environment.stderr, logger);
  let database: Promise<Pick<OpenedDatabase, 'prisma' | 'close'>> | undefined;
  const context: CommandContext<unknown> = {
    options: command.opts(),
    args: command.args,
    config,
    logger,
    stdin: environment.stdin,
    stdout: environment.stdout,
    stderr: environment.stderr,
    print: (line) => environment.stdout.write(`${line}\n`),
    progress,
    now,
    async database(): Promise<PrismaClient> {
      database ??= (async () => {
        const open =
          environment.openDatabase ?? (await import('../store/open-database.js')).openDatabase;
        return open(config, progress);
      })();
      return (await database).prisma;
    },
  };
  // A service in a terminal: one Ctrl+C is one graceful stop (npm would pass on a second).
  if (style === 'service' && environment.stdin.isTTY) interruptOnCtrlC(environment.stdin);
  try {
    return (await spec.run!(context)) ?? 0;
  } finally {
    if (database) await (await database.catch(() => null))?.close();
  }
}

async function loggerFor(
  style: LogStyle,
  config: { logLevel: string | undefined; dataDir: string },
  environment: CliEnvironment,
): Promise<Logger> {
  const { createLogger, logDestination, consoleLogFile } = await import('../logger.js');
  const level = config.logLevel ?? (style === 'tool' ? 'warn' : 'info');
  const chatting = style === 'console' && environment.stdin.isTTY === true;
  const destination = await logDestination(
    chatting ? { to: 'file', file: consoleLogFile(config.dataDir) } : { to: 'stderr' },
    environment.stderr.isTTY === true,
  );
  return createLogger(level, destination);
}

function processEnvironment(): CliEnvironment {
  return { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
