/**
 * i18next behind the Translator port. Keys are `namespace.path`; the engine's messages are
 * rendered with their parameters, lists as bulleted lines, choices with translated labels.
 */
import i18next, { type i18n } from 'i18next';
import type { BotMessage, MessageParam } from '../flows/events.js';
import type { RenderedMessage, Translator } from '../conversations/ports.js';
import type { LocaleResources } from './load-locales.js';

export async function createTranslator(
  resources: LocaleResources,
  fallbackLanguage = 'nl',
): Promise<Translator> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: fallbackLanguage,
    fallbackLng: false,
    ns: Object.keys(resources[fallbackLanguage] ?? {}),
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnNull: false,
    initAsync: false,
  });
  return new I18nextTranslator(instance, Object.keys(resources), fallbackLanguage);
}

class I18nextTranslator implements Translator {
  constructor(
    private readonly i18n: i18n,
    readonly languages: readonly string[],
    private readonly fallback: string,
  ) {}

  text(
    key: string,
    language: string,
    values: Record<string, string | number> = {},
  ): string | undefined {
    const dot = key.indexOf('.');
    const ns = key.slice(0, dot);
    const path = key.slice(dot + 1);
    if (!this.i18n.exists(path, { ns, lng: language, ...values })) return undefined;
    return this.i18n.t(path, { ns, lng: language, ...values }) as string;
  }

  render(message: BotMessage, language: string): RenderedMessage {
    const lng = this.languages.includes(language) ? language : this.fallback;
    const rtl = rtlLanguages.has(lng);
    const values: Record<string, string | number> = {};
    for (const [name, param] of Object.entries(message.params)) {
      const value = this.param(param, lng);
      // A resident's words or a Latin name inside Arabic: isolated, so it cannot reorder
      // the sentence around it. `count` stays a number for i18next's plural rules.
      values[name] = name === 'count' ? Number(value) : rtl ? isolate(value) : value;
    }
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

  private param(param: MessageParam, language: string): string {
    if ('text' in param) return param.text;
    if ('key' in param) return this.must(param.key, language);
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
