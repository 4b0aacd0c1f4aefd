/**
 * Static checks over every flow definition and the locale files: targets that point
 * nowhere, steps nothing leads to, branches on answers a question cannot give, answers used
 * in a message that no step saves, and i18n keys missing in any language. Pure: the CLI
 * reads the files and passes them in.
 */
import { checkActions } from './actions/index.js';
import { engineKeys, type FlowRegistry } from './engine.js';
import { phraseBook } from './safety/phrases/index.js';
import { isQuestion, type FlowDefinition, type Step } from './spec.js';
import { isUntranslated, pluralForms, pluralSuffix } from './locale-rules.js';
import { stepKeys } from './step-keys.js';
import { questionChoices, stepSaving } from './step-view.js';

export { sameInEveryLanguage } from './locale-rules.js';

/** Translations per language, flattened to `namespace.path.to.key` → text. */
export type LocaleTable = Record<string, Record<string, string>>;

export function checkFlows(flows: FlowRegistry, locales: LocaleTable): string[] {
  // Compiling the safety phrases (on import) throws on a malformed pattern, naming it.
  const problems: string[] = phraseBook.languages.length === 0 ? ['no safety phrases'] : [];
  for (const flow of flows.values()) problems.push(...checkFlow(flow, flows));
  problems.push(...checkKeys(usedKeys(flows), locales));
  return problems;
}

function targetsOf(step: Step): string[] {
  if (!isQuestion(step)) return [step.next];
  return [
    step.next,
    ...step.branches.map((b) => b.next),
    ...(step.kaart ? [step.kaart.otherwise] : []),
  ];
}

function checkFlow(flow: FlowDefinition, flows: FlowRegistry): string[] {
  const problems: string[] = [];
  const at = (stepId: string) => `flow ${flow.id}, step ${stepId}`;
  for (const [stepId, step] of Object.entries(flow.steps)) {
    for (const target of targetsOf(step)) {
      if (target === 'end') continue;
      if (target.startsWith('@')) {
        if (!flows.has(target.slice(1))) problems.push(`${at(stepId)}: unknown flow ${target}`);
      } else if (!(target in flow.steps)) {
        problems.push(`${at(stepId)}: unknown target ${target}`);
      }
    }
    if (isQuestion(step)) {
      const possible = new Set(questionChoices(step).map((c) => c.id));
      for (const branch of step.branches) {
        for (const value of [branch.when].flat()) {
          if (!possible.has(value)) problems.push(`${at(stepId)}: branch on impossible ${value}`);
        }
      }
    }
    for (const problem of checkActions(step)) problems.push(`${at(stepId)}: ${problem}`);
    for (const value of Object.values(step.params ?? {})) {
      if (value.startsWith('$') && !stepSaving(flow, value.slice(1))) {
        problems.push(`${at(stepId)}: no step saves ${value}`);
      }
    }
  }
  const reached = new Set<string>();
  const queue = [flow.start];
  while (queue.length > 0) {
    const stepId = queue.shift()!;
    const step = flow.steps[stepId];
    if (!step || reached.has(stepId)) continue;
    reached.add(stepId);
    queue.push(...targetsOf(step).filter((t) => t !== 'end' && !t.startsWith('@')));
  }
  for (const stepId of Object.keys(flow.steps)) {
    if (!reached.has(stepId)) problems.push(`${at(stepId)}: unreachable`);
  }
  return problems;
}

function usedKeys(flows: FlowRegistry): Set<string> {
  const keys = new Set<string>(engineKeys);
  for (const flow of flows.values()) {
    keys.add(flow.title);
    for (const step of Object.values(flow.steps)) stepKeys(step).forEach((key) => keys.add(key));
  }
  return keys;
}

function checkKeys(used: Set<string>, locales: LocaleTable): string[] {
  const problems: string[] = [];
  const languages = Object.keys(locales);
  if (languages.length === 0) return ['no locales found'];
  const plural = new Set(
    languages.flatMap((l) => Object.keys(locales[l]!).filter((k) => pluralSuffix.test(k))),
  );
  const pluralBases = new Set([...plural].map((k) => k.replace(pluralSuffix, '')));
  const all = new Set([
    ...used,
    ...languages.flatMap((l) => Object.keys(locales[l]!).filter((k) => !pluralSuffix.test(k))),
    ...pluralBases,
  ]);
  for (const key of [...all].sort()) {
    const missing = languages.filter((l) => {
      const table = locales[l]!;
      if (!pluralBases.has(key)) return !table[key]?.trim();
      return pluralForms(l).some((form) => !table[`${key}_${form}`]?.trim());
    });
    if (missing.length > 0) problems.push(`key ${key}: missing in ${missing.join(', ')}`);
  }
  for (const language of languages.filter((l) => l !== 'nl' && l !== 'en')) {
    for (const [key, text] of Object.entries(locales[language]!)) {
      const source = { nl: locales['nl']?.[key], en: locales['en']?.[key] };
      if (isUntranslated(key, language, text, source)) {
        problems.push(`key ${key}: not translated in ${language} (same as nl or en)`);
      }
    }
  }
  return problems;
}
