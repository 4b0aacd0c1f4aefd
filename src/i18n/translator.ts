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

  text(key: string, language: string, values: Record<string, string> = {}): string | undefined {
    const dot = key.indexOf('.');
    const ns = key.slice(0, dot);
    const path = key.slice(dot + 1);
    if (!this.i18n.exists(path, { ns, lng: language })) return undefined;
    return this.i18n.t(path, { ns, lng: language, ...values }) as string;
  }

  render(message: BotMessage, language: string): RenderedMessage {
    const lng = this.languages.includes(language) ? language : this.fallback;
    const values: Record<string, string> = {};
    for (const [name, param] of Object.entries(message.params)) {
      values[name] = this.param(param, lng);
    }
    return {
      text: this.must(message.key, lng, values),
      choices: (message.choices ?? []).map((c) => ({ id: c.id, label: this.param(c.label, lng) })),
      ...(message.ref ? { ref: message.ref } : {}),
    };
  }

  private param(param: MessageParam, language: string): string {
    if ('text' in param) return param.text;
    if ('key' in param) return this.must(param.key, language);
    return param.list.map((item) => `  - ${this.param(item, language)}`).join('\n');
  }

  /** A missing text falls back to Dutch, then to the key itself: never an empty message. */
  private must(key: string, language: string, values: Record<string, string> = {}): string {
    return this.text(key, language, values) ?? this.text(key, this.fallback, values) ?? key;
  }
}
