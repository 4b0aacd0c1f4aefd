/**
 * The SQL port on postgres.js: every statement is prepared once per connection and reused,
 * and statements from concurrent turns are pipelined on the pool's connections. Ten
 * connections by default, like the pool Prisma keeps.
 */
import postgres from 'postgres';
import type { SqlParam, SqlPool } from './sql-client.js';

export function createPostgresSql(url: string, options: { max?: number } = {}): SqlPool {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // JSON parameters arrive as text already (see sql-client.ts): sent as they are, not
    // encoded a second time. JSON results come back parsed.
    types: {
      json: {
        to: 114,
        from: [114, 3802],
        serialize: (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x)),
        parse: (x: string) => JSON.parse(x) as unknown,
      },
    },
    connection: { application_name: 'bloei' },
  });
  let statements = 0;
  return {
    get statements() {
      return statements;
    },
    async query<T extends object>(text: string, params: readonly SqlParam[] = []) {
      statements += 1;
      const rows = await sql.unsafe(text, params as SqlParam[], { prepare: true });
      return rows as unknown as T[];
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
