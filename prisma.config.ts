// Prisma CLI configuration (Prisma 6.19.3). The CLI runs offline only with the wasm schema
// engine (`engine: "js"`) and a driver adapter: the classic engine, and any command that
// cannot resolve `env("DATABASE_URL")` in the schema, try to download native binaries.
//
// Quirks of this CLI version: `migrate deploy` lingers ~10 s after it is done (the wasm engine
// leaves a timer running); `migrate dev --create-only` writes the migration, then exits 1 with
// "null pointer passed to rust" (it frees the engine twice). To draft a migration, use
// `migrate dev`, or `migrate diff --from-migrations prisma/migrations --to-schema-datamodel
// prisma/schema.prisma --script`, which both work through the migration adapter.
import { defineConfig } from 'prisma/config';
import { MigrationPgAdapter } from './prisma/migration-pg-adapter.js';

// A placeholder, so `prisma generate` (which never connects) works without any env. Commands
// that connect (migrate, db) then fail to reach it instead of downloading an engine.
const PLACEHOLDER_DATABASE_URL = 'postgresql://bloei:set-DATABASE_URL@127.0.0.1:5432/bloei';
process.env.DATABASE_URL ||= PLACEHOLDER_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Read when a command runs, not at load time, so a test can point DATABASE_URL elsewhere.
  adapter: async () => new MigrationPgAdapter(process.env.DATABASE_URL ?? PLACEHOLDER_DATABASE_URL),
});
