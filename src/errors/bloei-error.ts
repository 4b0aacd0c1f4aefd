/**
 * The base of every error Bloei raises on purpose. A log line or a caller needs three things
 * from an error, whatever layer raised it: a stable `code` to match on (messages may be
 * reworded, codes never are), `context` to see where and on what it happened, and the `cause`
 * it wraps (ES2022 error cause), so the original stack is not lost.
 *
 * Context is plain data and is logged: ids, counts, names of things (a flow, a queue, a
 * channel), never a resident's words, name or phone number. The same goes for the message.
 */

/** A value a log line can show as it is. */
export type ContextValue = string | number | boolean | null | readonly (string | number)[];

/** Where and on what an error happened: plain data, never personal data. */
export type ErrorContext = Readonly<Record<string, ContextValue>>;

export interface BloeiErrorOptions<C extends ErrorContext> {
  context?: C;
  /** The error this one explains; kept as the standard `cause`. */
  cause?: unknown;
}

export abstract class BloeiError<C extends ErrorContext = ErrorContext> extends Error {
  /** Upper snake case (`FLOW_RUNTIME`), stable once shipped: callers and log searches use it. */
  abstract readonly code: string;
  readonly context: C;

  constructor(message: string, options: BloeiErrorOptions<C> = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.context = options.context ?? ({} as C);
  }
}

/** Whether `error` is one of Bloei's own, with a code and context. */
export function isBloeiError(error: unknown): error is BloeiError {
  return error instanceof BloeiError;
}
