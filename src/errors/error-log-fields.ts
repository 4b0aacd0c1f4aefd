/**
 * What a log line keeps of an error. Bloei's own errors (`BloeiError`) are logged with their
 * name, code, message and context, which are written not to hold personal data. Any other
 * error (a database driver's, a platform library's) is logged by name and code only: its
 * message can quote the values of a query or a phone number. Causes are followed the same
 * way, and the top stack frames say where it happened.
 */
import { BloeiError, type ErrorContext } from './bloei-error.js';

export interface ErrorLogFields {
  type: string;
  code?: string;
  message?: string;
  context?: ErrorContext;
  cause?: ErrorLogFields;
  frames?: string[];
}

/** Causes followed at most; a longer chain ends with the last one shown. */
const maxDepth = 5;
const maxFrames = 8;

export function errorLogFields(error: unknown, depth = 0): ErrorLogFields {
  if (!(error instanceof Error)) return { type: error === null ? 'null' : typeof error };
  const code = (error as { code?: unknown }).code;
  const fields: ErrorLogFields = { type: error.name };
  if (typeof code === 'string' || typeof code === 'number') fields.code = String(code);
  if (error instanceof BloeiError) {
    fields.message = error.message;
    if (Object.keys(error.context).length > 0) fields.context = error.context;
  }
  const frames = stackFrames(error.stack);
  if (frames.length > 0) fields.frames = frames;
  if (error.cause !== undefined && depth < maxDepth) {
    fields.cause = errorLogFields(error.cause, depth + 1);
  }
  return fields;
}

/** The `at …` lines of a stack, without the first line (which repeats the message). */
function stackFrames(stack: string | undefined): string[] {
  return (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, maxFrames)
    .map((line) => line.trim());
}

/**
 * For pino's `serializers`: an `err` or `error` field that holds an error is logged as
 * `errorLogFields` shows it; any other value (often `error.message` as a string) as it is.
 */
export function serializeLoggedError(value: unknown): unknown {
  return value instanceof Error ? errorLogFields(value) : value;
}
