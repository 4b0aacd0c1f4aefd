import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/texts');
const forbidden = [
  /^(grammy|whatsapp-web\.js|bullmq|ioredis|pg|prisma|i18next)(\/|$)/,
  /^@prisma\//,
  /^node:(fs|child_process|net|http)/,
  /\/(store|web|bots|jobs|conversations|handoff|i18n)\//,
];

describe('src/texts boundaries', () => {
  const sources = readdirSync(root)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));

  it('finds the texts sources', () => {
    expect(sources.map((s) => s.name)).toContain('text-editor.ts');
  });

  it.each(sources)(
    '$name does no I/O of its own and imports no adapter (storage comes in through TextStore)',
    ({ text }) => {
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
      expect(imports.filter((spec) => forbidden.some((rule) => rule.test(spec)))).toEqual([]);
      expect(text).not.toMatch(/process\s*\.\s*env|new Date\(\)|Date\.now\(\)/);
    },
  );
});
