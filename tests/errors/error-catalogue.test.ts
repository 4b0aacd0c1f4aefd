import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors/index.js';

const src = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every error class declared in src: where, its name and the code it declares. */
const declared = sources(src).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/class (\w+)(?:<[^>]*>)? extends (\w+)/g)]
    .filter(([, , base]) => base === 'Error' || base === 'BloeiError')
    .map((match) => {
      const body = text.slice(match.index + match[0].length);
      const end = body.search(/^}$/m);
      const code = /readonly code = '([A-Z0-9_]+)'/.exec(body.slice(0, end))?.[1];
      return { file: relative(src, path), name: match[1]!, base: match[2]!, code };
    });
});

describe('error catalogue', () => {
  it('finds the error classes', () => {
    expect(declared.length).toBeGreaterThan(15);
  });

  it('rests every error class on BloeiError', () => {
    const onError = declared.filter((d) => d.base === 'Error' && d.name !== 'BloeiError');
    expect(onError).toEqual([]);
  });

  it('gives every error a code of its own', () => {
    const withoutCode = declared.filter((d) => d.name !== 'BloeiError' && !d.code);
    expect(withoutCode).toEqual([]);
    const codes = declared.flatMap((d) => (d.code ? [d.code] : []));
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('lists every code in src/errors/README.md', () => {
    const readme = readFileSync(join(src, 'errors/README.md'), 'utf8');
    const missing = declared.filter((d) => d.code && !readme.includes(`\`${d.code}\``));
    expect(missing).toEqual([]);
  });

  it('keeps one error class per file in src/errors', () => {
    const inErrors = declared.filter((d) => d.file.startsWith('errors/'));
    const files = inErrors.map((d) => d.file);
    expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
  });

  const exported = Object.entries(errors).filter(
    ([name, value]) =>
      typeof value === 'function' &&
      value.prototype instanceof errors.BloeiError &&
      name !== 'BloeiError',
  );

  it('exports every class of src/errors from its index', () => {
    const inErrors = declared.filter(
      (d) => d.file.startsWith('errors/') && d.name !== 'BloeiError',
    );
    expect(exported.map(([name]) => name).sort()).toEqual(inErrors.map((d) => d.name).sort());
  });

  it.each(exported)('%s is named after its class', (name, value) => {
    expect((value as { prototype: Error }).prototype).toBeInstanceOf(errors.BloeiError);
    const file = declared.find((d) => d.name === name)!;
    expect(file.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    const text = readFileSync(join(src, file.file), 'utf8');
    expect(text).toContain(`override readonly name = '${name}'`);
  });
});
