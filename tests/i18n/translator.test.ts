import { beforeAll, describe, expect, it } from 'vitest';
import type { Translator } from '../../src/conversations/ports.js';
import { loadLocales } from '../../src/i18n/load-locales.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { languageFromNumber } from '../../src/bots/whatsapp/language-from-number.js';

const RLM = '\u200F';
const LRM = '\u200E';

describe(createTranslator.name, () => {
  let t: Translator;
  beforeAll(async () => {
    t = await createTranslator(loadLocales());
  });

  it('renders Arabic right to left: every line, every numbered choice, Latin names isolated', () => {
    const rendered = t.render(
      {
        key: 'handoff.claimed',
        params: { name: { text: 'Wilma' } },
        choices: [
          { id: 'a', label: { key: 'language.names.nl' } },
          { id: 'b', label: { text: 'Woensel-Noord / Ontginning' } },
        ],
      },
      'ar',
    );
    for (const line of rendered.text.split('\n')) expect(line.startsWith(RLM)).toBe(true);
    expect(rendered.text).toContain('\u2068Wilma\u2069');
    expect(rendered.choices.map((c) => c.label)).toEqual([
      `${RLM}Nederlands`,
      `${RLM}Woensel-Noord / Ontginning`,
    ]);
  });

  it('keeps left-to-right messages as they are, marking only an Arabic label', () => {
    const rendered = t.render(
      {
        key: 'language.choose',
        params: {},
        choices: [{ id: 'ar', label: { key: 'language.names.ar' } }],
      },
      'nl',
    );
    expect(rendered.text.startsWith('In welke taal')).toBe(true);
    expect(rendered.choices[0]?.label).toBe(`${LRM}العربية`);
  });

  it('uses each language’s plural rules where a count appears (Arabic has six forms)', () => {
    const say = (count: number, language: string) =>
      t.render({ key: 'system.truncated', params: { count: { text: String(count) } } }, language)
        .text;
    expect(say(1, 'en')).toBe('Your message was very long. I kept the first character.');
    expect(say(2000, 'en')).toBe('Your message was very long. I kept the first 2000 characters.');
    expect(say(2, 'pl')).toMatch(/2 znaki/);
    expect(say(5, 'pl')).toMatch(/5 znaków/);
    const arabic = [0, 1, 2, 3, 11, 100].map((n) => say(n, 'ar'));
    expect(new Set(arabic).size).toBe(6);
  });
});

describe(languageFromNumber.name, () => {
  it('suggests a language from the country code of a WhatsApp number', () => {
    expect(languageFromNumber('31612345678@c.us')).toBe('nl');
    expect(languageFromNumber('905321234567@c.us')).toBe('tr');
    expect(languageFromNumber('48501234567@c.us')).toBe('pl');
    expect(languageFromNumber('380501234567@c.us')).toBe('uk');
    expect(languageFromNumber('963912345678@c.us')).toBe('ar');
    expect(languageFromNumber('12025550123@c.us')).toBe('en');
    expect(languageFromNumber('8613812345678@c.us')).toBeUndefined();
    expect(languageFromNumber('120363@g.us')).toBeUndefined();
  });
});
