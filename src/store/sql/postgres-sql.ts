/**
 * The SQL port on postgres.js: every statement is prepared once per connection and reused,
 * and statements from concurrent turns are pipelined on the pool's connections. Ten
 * connections by default, like the pool Prisma keeps.
 *
 * A statement that has not come back after `timeoutMs` is given up with SqlTimeoutError:
 * after the server restarted, postgres.js (3.4) can leave a statement that was queued on a
 * dying connection waiting for ever, and one hung statement must not stop a chat. Every
 * statement of the pipeline is safe to have run late (guarded by version, inbound id or
 * lease token), so giving up on the answer is safe too.
 */
import postgres from 'postgres';
import { BloeiError } from '../../errors/bloei-error.js';
import type { SqlParam, SqlPool } from './sql-client.js';

export class SqlTimeoutError extends BloeiError {
  override readonly name = 'SqlTimeoutError';
  readonly code = 'SQL_TIMEOUT';
}

export function createPostgresSql(
  url: string,
  options: { max?: number; timeoutMs?: number } = {},
): SqlPool {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // After the database was away, try again within a second: postgres.js's own back-off
    // grows to 20 s, and statements queued on a reconnecting connection wait all that time.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
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
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new SqlTimeoutError(`no answer within ${timeoutMs} ms`, { context: { timeoutMs } }),
            ),
          timeoutMs,
        );
      });
      try {
        const rows = await Promise.race([
          sql.unsafe(text, params as SqlParam[], { prepare: true }),
          late,
        ]);
        return rows as unknown as T[];
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
