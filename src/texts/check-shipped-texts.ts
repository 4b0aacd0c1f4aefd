/**
 * The editor's rules for the words themselves, over the shipped locale files: the same
 * placeholders as the Dutch text, no nesting, a bounded length, word lists in their shape.
 * Part of `flows:check`, so a developer's text and a coordinator's text meet the same rules.
 */
import { checkWording } from './check-text.js';
import { sourceLanguage, type TextTable } from './text-catalog.js';
import { describeTextRefusal } from './text-refusal.js';

export function checkShippedTexts(table: TextTable): string[] {
  const dutch = (key: string) => table[sourceLanguage]?.[key];
  const problems: string[] = [];
  for (const [language, texts] of Object.entries(table)) {
    for (const [key, text] of Object.entries(texts)) {
      // An empty or missing text is flows:check's own "missing in" problem.
      const refusals = checkWording(key, text, dutch).filter((r) => r.code !== 'empty');
      for (const refusal of refusals) {
        problems.push(`key ${key} (${language}): ${describeTextRefusal(refusal)}`);
      }
    }
  }
  return problems;
}
