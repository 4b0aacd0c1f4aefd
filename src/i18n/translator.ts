/**
 * i18next behind the Translator port. Keys are `namespace.path`; the engine's messages are
 * rendered with their parameters, lists as bulleted lines, choices with translated labels.
 * Coordinators' overrides replace shipped texts in place, so rendering costs the same with
 * or without them.
 */
import i18next, { type i18n } from 'i18next';
import type { BotMessage, MessageParam } from '../flows/events.js';
import type { RenderedMessage, Translator } from '../conversations/ports.js';
import type { LocaleResources, LocaleTree } from './load-locales.js';

/** One text that replaces the shipped one: `key` is `namespace.path.to.key`. */
export interface OverrideText {
  language: string;
  key: string;
  text: string;
}

/** A Translator whose texts can be replaced while it runs. */
export interface LiveTranslator extends Translator {
  /** Counts the changes, so word lists worked out from the texts are worked out again. */
  readonly revision: number;
  /**
   * Serves exactly these overrides from now on, over the shipped texts: an override left out
   * gives its shipped text back. Only the namespaces that changed are rebuilt.
   */
  applyOverrides(overrides: readonly OverrideText[]): void;
}

export async function createTranslator(
  resources: LocaleResources,
  fallbackLanguage = 'nl',
): Promise<LiveTranslator> {
  const instance = i18next.createInstance();
  await instance.init({
    // i18next writes into the trees it is given: the shipped texts stay untouched beside it.
    resources: structuredClone(resources),
    lng: fallbackLanguage,
    fallbackLng: false,
    ns: Object.keys(resources[fallbackLanguage] ?? {}),
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnNull: false,
    initAsync: false,
  });
  return new I18nextTranslator(instance, resources, fallbackLanguage);
}

const cell = (language: string, namespace: string) => `${language}\u0000${namespace}`;

class I18nextTranslator implements LiveTranslator {
  readonly languages: readonly string[];
  revision = 0;
  /** The overrides served now, per language and namespace: path → text. */
  private applied = new Map<string, Map<string, string>>();

  constructor(
    private readonly i18n: i18n,
    private readonly shipped: LocaleResources,
    private readonly fallback: string,
  ) {
    this.languages = Object.keys(shipped);
  }

  applyOverrides(overrides: readonly OverrideText[]): void {
    const next = new Map<string, Map<string, string>>();
    for (const { language, key, text } of overrides) {
      const dot = key.indexOf('.');
      const bundle = cell(language, key.slice(0, dot));
      if (!next.has(bundle)) next.set(bundle, new Map());
      next.get(bundle)!.set(key.slice(dot + 1), text);
    }
    const changed = [...new Set([...next.keys(), ...this.applied.keys()])].filter(
      (bundle) => !sameTexts(next.get(bundle), this.applied.get(bundle)),
    );
    for (const bundle of changed) {
      const [language, namespace] = bundle.split('\u0000') as [string, string];
      const tree = structuredClone(this.shipped[language]?.[namespace] ?? {});
      for (const [path, text] of next.get(bundle) ?? []) setPath(tree, path.split('.'), text);
      this.i18n.removeResourceBundle(language, namespace);
      this.i18n.addResourceBundle(language, namespace, tree, false, true, {
        silent: true,
        skipCopy: true,
      });
    }
    this.applied = next;
    if (changed.length > 0) this.revision += 1;
  }

  text(
    key: string,
    language: string,
    values: Record<string, string | number> = {},
  ): string | undefined {
    const dot = key.indexOf('.');
    const ns = key.slice(0, dot);
    const path = key.slice(dot + 1);
    // A text with nothing to fill in, nest or count is served as stored, which is what
    // i18next would return for it after resolving it twice (exists, then t): most texts.
    const stored: unknown = this.i18n.getResource(language, ns, path);
    if (typeof stored === 'string' && !('count' in values) && !/\{\{|\$t\(/.test(stored)) {
      return stored;
    }
    if (!this.i18n.exists(path, { ns, lng: language, ...values })) return undefined;
    return this.i18n.t(path, { ns, lng: language, ...values }) as string;
  }

  render(message: BotMessage, language: string): RenderedMessage {
    const lng = this.languages.includes(language) ? language : this.fallback;
    const rtl = rtlLanguages.has(lng);
    const values = this.values(message.params, lng);
    const choices = (message.choices ?? []).map((c) => ({
      id: c.id,
      label: directed(this.param(c.label, lng), rtl),
    }));
    const text = this.must(message.key, lng, values);
    return {
      text: rtl ? rightToLeft(text) : text,
      choices,
      ...(message.ref ? { ref: message.ref } : {}),
    };
  }

  private values(params: Record<string, MessageParam>, language: string) {
    const values: Record<string, string | number> = {};
    for (const [name, param] of Object.entries(params)) {
      const value = this.param(param, language);
      // A resident's words or a Latin name inside Arabic: isolated, so it cannot reorder
      // the sentence around it. `count` stays a number for i18next's plural rules.
      values[name] =
        name === 'count' ? Number(value) : rtlLanguages.has(language) ? isolate(value) : value;
    }
    return values;
  }

  private param(param: MessageParam, language: string): string {
    if ('text' in param) return param.text;
    if ('key' in param)
      return this.must(param.key, language, this.values(param.params ?? {}, language));
    return param.list.map((item) => `  - ${this.param(item, language)}`).join('\n');
  }

  /** A missing text falls back to Dutch, then to the key itself: never an empty message. */
  private must(
    key: string,
    language: string,
    values: Record<string, string | number> = {},
  ): string {
    return this.text(key, language, values) ?? this.text(key, this.fallback, values) ?? key;
  }
}

function sameTexts(a: Map<string, string> | undefined, b: Map<string, string> | undefined) {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);
}

function setPath(tree: LocaleTree, path: string[], text: string): void {
  let node = tree;
  for (const part of path.slice(0, -1)) {
    const child = node[part];
    node = typeof child === 'object' ? child : (node[part] = {});
  }
  node[path.at(-1)!] = text;
}

const rtlLanguages = new Set(['ar']);
const RLM = '\u200F';
const LRM = '\u200E';
const rtlScript = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A choice line ("3. label") takes the direction of the message: a right-to-left mark in
 * Arabic, a left-to-right mark before an Arabic label (say, "العربية") in other languages.
 */
function directed(label: string, rtl: boolean): string {
  if (rtl) return `${RLM}${label}`;
  return rtlScript.test(label) ? `${LRM}${label}` : label;
}
const FSI = '\u2068';
const PDI = '\u2069';

function isolate(value: string): string {
  return value
    .split('\n')
    .map((line) => `${FSI}${line}${PDI}`)
    .join('\n');
}

/**
 * Each line of an Arabic message starts with a right-to-left mark, so a line that begins
 * with a number or a Latin name (a numbered choice, "WIJ match") still reads right to left.
 */
function rightToLeft(text: string): string {
  return text
    .split('\n')
    .map((line) => `${RLM}${line}`)
    .join('\n');
}
