import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(repo, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** Every .ts file under src/, generated client included. */
function sources(dir = join(repo, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The packages a file loads at run time: static and dynamic imports, not `import type`. */
function packagesLoadedBy(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('the production image', () => {
  it('runs compiled JavaScript on Node 22 (or 24) LTS, without tsx', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:(22|24)-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main\.js", "start"\]$/m);
    expect(dockerfile).not.toMatch(/tsx/);
    const compose = read('docker-compose.yml');
    expect(compose.match(/command: \['node', 'dist\/main\.js', '\w+'\]/g)).toHaveLength(4);
    expect(compose).not.toMatch(/tsx|src\/main\.ts/);
  });

  it('has every package that compiled code loads among the production dependencies', () => {
    const missing = sources().flatMap((file) =>
      packagesLoadedBy(readFileSync(file, 'utf8'))
        .filter((name) => !(name in packageJson.dependencies))
        .map((name) => `${relative(repo, file)}: ${name}`),
    );
    expect(missing).toEqual([]);
    expect(packageJson.dependencies).not.toHaveProperty('tsx');
  });

  it('declares the Node versions it runs on: 22 LTS, and 20 for local development', () => {
    expect(packageJson.engines.node).toBe('>=20.19 <21 || >=22.12');
    expect(packageJson.devDependencies['@types/node']).toMatch(/^22\./);
  });
});
