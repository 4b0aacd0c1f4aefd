/**
 * The SQL port inside a Prisma interactive transaction (or on the client, outside one), for
 * the rare writes that take the slow path: the same statements as the hot path, in the same
 * transaction as the model queries around them.
 */
import type { Prisma, PrismaClient } from '../generated/client.js';
import type { SqlClient, SqlParam } from './sql-client.js';

type Queryable = Pick<Prisma.TransactionClient | PrismaClient, '$queryRawUnsafe'>;

export function prismaSql(client: Queryable): SqlClient {
  return {
    query<T extends object>(text: string, params: readonly SqlParam[] = []) {
      return client.$queryRawUnsafe<T[]>(text, ...params);
    },
  };
}
