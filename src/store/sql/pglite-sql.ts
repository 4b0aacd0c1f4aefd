/**
 * The SQL port on the embedded PGlite database, sharing the instance the Prisma client uses
 * (PGlite serves one process per data directory). PGlite runs one statement or transaction
 * at a time, so a statement waits while a Prisma transaction is open: never call this from
 * inside one.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { SqlParam, SqlPool } from './sql-client.js';

export function createPgliteSql(pglite: PGlite): SqlPool {
  let statements = 0;
  return {
    get statements() {
      return statements;
    },
    async query<T extends object>(text: string, params: readonly SqlParam[] = []) {
      statements += 1;
      const result = await pglite.query<T>(text, params as SqlParam[]);
      return result.rows;
    },
    // The Prisma client's handle closes PGlite.
    async close() {},
  };
}
