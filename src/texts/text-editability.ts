/**
 * Which texts a coordinator may change in the editor, and which are word lists. Residents'
 * texts are editable; staff texts are not (they are not the coordinator's to word), nor
 * consent questions (a resident's consent is recorded with the version of the text they
 * agreed to). The safety phrases are no texts at all: they live, with their tests, in
 * `src/flows/safety/phrases/`.
 */
import { pluralSuffix } from '../flows/locale-rules.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { TextRefusalCode } from './text-refusal.js';

/**
 * Namespaces residents never read in their chat: the dashboard, this editor's own words,
 * verbinders' chat, and Telegram's command list (sent to Telegram once, when the bot starts).
 */
export const staffNamespaces: readonly string[] = ['web', 'staff', 'commands', 'texts'];

/** The lists the engine reads with `words()`: alternatives separated by `|`. */
const wordListKeys = [/^keywords\./, /^common\.(yesWords|noWords|and)$/];

/** Word lists that must not share a word: the engine tries keywords before yes and no. */
const clashingLists = [/^keywords\./, /^common\.(yesWords|noWords)$/];

export interface KeyParts {
  namespace: string;
  /** The key without its plural suffix (`system.truncated`). */
  base: string;
  /** The plural form (`one`, `few`, …), or null for a text without plural forms. */
  form: string | null;
}

export function keyParts(key: string): KeyParts {
  const namespace = key.slice(0, Math.max(0, key.indexOf('.')));
  const form = pluralSuffix.exec(key)?.[1] ?? null;
  return { namespace, base: form ? key.slice(0, -form.length - 1) : key, form };
}

export function isWordList(key: string): boolean {
  return wordListKeys.some((pattern) => pattern.test(key));
}

/** Whether a word in `key` may not also be in `other` (both are heard in one message). */
export function listsMustDiffer(key: string, other: string): boolean {
  return (
    key !== other &&
    clashingLists.some((p) => p.test(key)) &&
    clashingLists.some((p) => p.test(other))
  );
}

/**
 * The questions whose "yes" is recorded as consent (the step before a `consent` action), in
 * every flow: changing their words changes what residents agreed to.
 */
export function consentKeys(flows: FlowRegistry): Set<string> {
  const keys = new Set<string>();
  for (const flow of flows.values()) {
    const steps = Object.entries(flow.steps);
    for (const [id, step] of steps) {
      if (!step.do.some((action) => action.type === 'consent')) continue;
      for (const [, asking] of steps) {
        const targets = [
          asking.next,
          ...('branches' in asking ? asking.branches : []).map((b) => b.next),
        ];
        if (asking.kind === 'yesno' && targets.includes(id)) keys.add(asking.text);
      }
    }
  }
  return keys;
}

/** Null when a coordinator may edit `key`, or why not. */
export function whyNotEditable(
  key: string,
  consent: ReadonlySet<string>,
): Extract<TextRefusalCode, 'notEditable' | 'consentText'> | null {
  if (staffNamespaces.includes(keyParts(key).namespace)) return 'notEditable';
  if (consent.has(key)) return 'consentText';
  return null;
}
