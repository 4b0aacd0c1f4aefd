/**
 * Reads `locales/<language>/<namespace>.json`. A language is a folder; a namespace is a file.
 * Adding a language is adding a folder with the same files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type LocaleTree = { [key: string]: string | LocaleTree };
/** language → namespace → nested texts */
export type LocaleResources = Record<string, Record<string, LocaleTree>>;

export const defaultLocalesDir = fileURLToPath(new URL('../../locales', import.meta.url));

export function loadLocales(dir: string = defaultLocalesDir): LocaleResources {
  const resources: LocaleResources = {};
  for (const language of readdirSync(dir).sort()) {
    const folder = join(dir, language);
    if (!statSync(folder).isDirectory()) continue;
    resources[language] = {};
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(folder, file), 'utf8');
      resources[language][file.replace(/\.json$/, '')] = JSON.parse(text) as LocaleTree;
    }
  }
  return resources;
}

/** `namespace.path.to.key` → text, per language: the shape `flows:check` compares. */
export function flattenLocales(resources: LocaleResources): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {};
  for (const [language, namespaces] of Object.entries(resources)) {
    const flat: Record<string, string> = {};
    const walk = (tree: LocaleTree, prefix: string) => {
      for (const [key, value] of Object.entries(tree)) {
        if (typeof value === 'string') flat[`${prefix}.${key}`] = value;
        else walk(value, `${prefix}.${key}`);
      }
    };
    for (const [namespace, tree] of Object.entries(namespaces)) walk(tree, namespace);
    table[language] = flat;
  }
  return table;
}
