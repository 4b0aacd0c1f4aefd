/**
 * Structured logs (pino). Fields that could hold a message body, a name or a phone number are
 * redacted; a hashed conversation id is enough to trace. Errors are logged as
 * `errorLogFields` shows them: Bloei's own with code and context, others by name and code.
 *
 * Where they go depends on who reads them: JSON lines on stderr for services and scripts (the
 * scripted simulator's stdout carries only the conversation), readable coloured lines when
 * stderr is a terminal, and a file under the data directory while a person chats on the
 * console, so no log line ever lands between chat messages.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { Logger } from './conversations/ports.js';
import { serializeLoggedError } from './errors/error-log-fields.js';

export const redactedFields = [
  'text',
  'body',
  'name',
  'firstName',
  'displayName',
  'phone',
  'userId',
  'externalId',
  '*.text',
  '*.body',
  '*.userId',
  '*.phone',
];

export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedFields, censor: '[redacted]' },
      // An error is logged by name, code and context, never by a foreign error's message.
      serializers: { err: serializeLoggedError, error: serializeLoggedError },
    },
    destination,
  );
}

/** Where logs go: stderr, or a file (the console chat). */
export type LogTarget = { to: 'stderr' } | { to: 'file'; file: string };

/** The log file of the console chat, inside the data directory. */
export const consoleLogFile = (dataDir: string) => path.join(dataDir, 'bloei.log');

/**
 * A destination for `createLogger`. Human-readable (pino-pretty, loaded only then) on a
 * terminal and in the console's log file; JSON lines otherwise. Writes are synchronous, so
 * the last lines before an exit are never lost.
 */
export async function logDestination(
  target: LogTarget,
  stderrIsTerminal = process.stderr.isTTY === true,
): Promise<pino.DestinationStream> {
  if (target.to === 'stderr' && !stderrIsTerminal) return pino.destination(2);
  const { default: pretty } = await import('pino-pretty');
  const common = { sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' };
  if (target.to === 'stderr') return pretty({ ...common, destination: 2, colorize: true });
  mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
  const stream = pretty({
    ...common,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    destination: target.file,
    append: true,
    mkdir: true,
    colorize: false,
  });
  chmodSync(target.file, 0o600);
  return stream;
}
