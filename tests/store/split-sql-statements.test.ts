import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../../src/store/split-sql-statements.js';

describe(splitSqlStatements.name, () => {
  it('splits on semicolons and keeps each statement with its leading comment', () => {
    const script =
      '-- CreateTable\nCREATE TABLE "A" ("id" TEXT);\n\n-- CreateIndex\nCREATE INDEX "i" ON "A"("id");\n';
    expect(splitSqlStatements(script)).toEqual([
      '-- CreateTable\nCREATE TABLE "A" ("id" TEXT)',
      '-- CreateIndex\nCREATE INDEX "i" ON "A"("id")',
    ]);
  });

  it('ignores semicolons inside strings, quoted identifiers and comments', () => {
    const script = [
      `INSERT INTO "x;y" VALUES ('a;b', 'it''s; fine', E'\\'; still')`,
      `-- a comment; not a statement\nSELECT 1 /* block; /* nested; */ comment */`,
    ].join(';\n');
    expect(splitSqlStatements(script)).toEqual([
      `INSERT INTO "x;y" VALUES ('a;b', 'it''s; fine', E'\\'; still')`,
      `-- a comment; not a statement\nSELECT 1 /* block; /* nested; */ comment */`,
    ]);
  });

  it('keeps dollar-quoted bodies whole but does not mistake $1 for a quote', () => {
    const fn = `CREATE FUNCTION f() RETURNS int AS $body$ BEGIN; RETURN 1; END $body$ LANGUAGE plpgsql`;
    const script = `${fn};\nDO $$ BEGIN PERFORM 1; END $$;\nSELECT $1;`;
    expect(splitSqlStatements(script)).toEqual([fn, 'DO $$ BEGIN PERFORM 1; END $$', 'SELECT $1']);
  });

  it('drops pieces that hold only comments and whitespace', () => {
    expect(splitSqlStatements('-- This is an empty migration.')).toEqual([]);
    expect(splitSqlStatements('SELECT 1;\n-- trailing\n;  ;')).toEqual(['SELECT 1']);
  });
});
