import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/flows');
const forbidden = [
  'grammy',
  '@grammyjs/',
  'whatsapp-web.js',
  '@prisma/',
  'prisma',
  'bullmq',
  'ioredis',
  'i18next',
  'pg',
  'node:fs',
  'node:child_process',
  'node:net',
  'node:http',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/flows purity', () => {
  const sources = files(root).map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('finds the engine sources', () => {
    expect(sources.map((s) => s.path)).toContain('engine.ts');
  });

  it.each(sources)('$path imports no I/O library', ({ text }) => {
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1]!,
    );
    const bad = imports.filter((spec) =>
      forbidden.some((f) => spec === f || spec.startsWith(f.endsWith('/') ? f : `${f}/`)),
    );
    expect(bad).toEqual([]);
  });

  it.each(sources)('$path does not read process.env', ({ text }) => {
    expect(text).not.toMatch(/process\s*\.\s*env|process\[/);
  });
});
