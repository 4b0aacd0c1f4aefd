/**
 * The small port every repository writes its SQL against: one statement, positional
 * parameters, rows back. The hot path runs it on postgres.js (prepared and pipelined) or on
 * the embedded PGlite; rare writes run the same SQL inside a Prisma transaction. Parameters
 * are strings, numbers, booleans or null only (times as ISO strings, JSON as text, both cast
 * in the SQL), so every driver sends them alike.
 */
export type SqlParam = string | number | boolean | null;

export interface SqlClient {
  query<T extends object>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/** A SQL client that can also be closed (it owns its connections). */
export interface SqlPool extends SqlClient {
  /** Statements run so far: what a benchmark divides by the messages handled. */
  readonly statements: number;
  close(): Promise<void>;
}

/** Whether `error` is PostgreSQL's unique violation (23505), on `constraint` when given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
  const code = e?.code;
  if (code !== '23505') return false;
  if (!constraint) return true;
  const name = e.constraint_name ?? e.constraint;
  return name === undefined || name === constraint;
}

/** A point in time as a parameter, to be cast with `::timestamp(3)` (the columns hold UTC). */
export const utc = (at: Date): string => at.toISOString();

/** A JSON value as a parameter, to be cast with `::jsonb`. */
export const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
