// The driver adapter the Prisma CLI uses for `migrate` (see prisma.config.ts), and only that.
// @prisma/adapter-pg 6.19.3 cannot run `migrate deploy|status|dev|reset` as shipped; this
// subclass works around its two bugs. Delete it once an upgrade fixes them upstream.
//
// 1. prisma/orm#27403: the schema engine reads pg_catalog, whose columns of type `name`
//    (OID 19) and `"char"` (18), and their arrays (1003, 1002), the adapter refuses with
//    "could not be deserialized". Both are plain strings, so the pool's client reports them
//    as text (25) and text[] (1009) before the adapter sees the result.
// 2. `connectToShadowDb()` builds the shadow pool as `{ ...config, database }`, but a
//    `connectionString` in config wins over `database`, so the "shadow" pool talks to the
//    main database (P3006); it also drops the shadow database before closing that pool,
//    which Postgres refuses while connections are open. Here every pool gets discrete
//    fields, and the shadow pool is closed before `DROP DATABASE`.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT = 25;
const TEXT_ARRAY = 1009;
/** pg_catalog types (name, "char", name[], "char"[]) → the type the adapter understands. */
const CATALOG_TYPES = new Map([
  [19, TEXT],
  [18, TEXT],
  [1003, TEXT_ARRAY],
  [1002, TEXT_ARRAY],
]);
// pg-types' TypeId enum lists scalar types only; text[] has a parser all the same.
const parseTextArray: (value: string) => string[] = pg.types.getTypeParser(
  TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0],
);

function reportCatalogTypesAsText(result: unknown): void {
  if (typeof result !== 'object' || result === null || !('fields' in result)) return;
  const { fields, rows } = result as pg.QueryResult<Record<string | number, unknown>>;
  fields.forEach((field, index) => {
    const asType = CATALOG_TYPES.get(field.dataTypeID);
    if (asType === undefined) return;
    field.dataTypeID = asType;
    if (asType !== TEXT_ARRAY) return;
    // pg has no parser for name[]/"char"[], so those arrive as '{a,b}' strings.
    for (const row of rows) {
      const key = Array.isArray(row) ? index : field.name;
      const value = row[key];
      if (typeof value === 'string') row[key] = parseTextArray(value);
    }
  });
}

/** A pg client whose query results report pg_catalog string types as text (bug 1). */
class CatalogTypesAsTextClient extends pg.Client {
  // Patched at the client, not the pool, so transactions (pool.connect()) are covered too.
  // pg's overloads cannot be restated one by one; the wrapper only looks at the result.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callback: unknown = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) reportCatalogTypesAsText(result);
        callback(error, result);
      };
      return Reflect.apply(super.query, this, args);
    }
    const returned: unknown = Reflect.apply(super.query, this, args);
    if (!(returned instanceof Promise)) return returned;
    return returned.then((result: unknown) => {
      reportCatalogTypesAsText(result);
      return result;
    });
  }
}

/** Discrete pool fields from a postgres:// URL, so that `database` can be swapped (bug 2). */
function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: url.searchParams.get('host') ?? decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: database ?? (decodeURIComponent(url.pathname.slice(1)) || undefined),
    ssl: sslmode === 'require' || sslmode === 'verify-ca' || sslmode === 'verify-full',
    Client: CatalogTypesAsTextClient,
    // The CLI does not always dispose the adapter; idle connections must not keep it alive.
    allowExitOnIdle: true,
  };
}

/**
 * `PrismaPg` for the Prisma CLI's wasm schema engine (`engine: "js"`), with the two
 * migration bugs of @prisma/adapter-pg 6.19.3 worked around. Not for the runtime client.
 */
export class MigrationPgAdapter extends PrismaPg {
  constructor(private readonly databaseUrl: string) {
    super(poolConfig(databaseUrl), {
      schema: new URL(databaseUrl).searchParams.get('schema') ?? undefined,
    });
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg(poolConfig(this.databaseUrl, database)).connect();
    const closeShadowPool = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadowPool();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}
