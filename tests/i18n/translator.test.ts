import { beforeAll, describe, expect, it } from 'vitest';
import type { Translator } from '../../src/conversations/ports.js';
import { loadLocales } from '../../src/i18n/load-locales.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { languageFromNumber } from '../../src/bots/whatsapp/language-from-number.js';
import { shapedWords } from '../../src/flows/lexicon.js';

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

describe('LiveTranslator.applyOverrides', () => {
  const energy = { key: 'talentenscan.energy', params: {} };

  it('serves an override over the shipped text, and the shipped text again once it is gone', async () => {
    const locales = loadLocales();
    const shipped = locales['nl']!['talentenscan']!['energy'];
    const t = await createTranslator(locales);
    t.applyOverrides([
      { language: 'nl', key: 'talentenscan.energy', text: 'Waar word je blij van?' },
    ]);
    expect(t.render(energy, 'nl').text).toBe('Waar word je blij van?');
    expect(t.text('talentenscan.energy', 'nl')).toBe('Waar word je blij van?');
    expect(t.render(energy, 'en').text).toBe(locales['en']!['talentenscan']!['energy']);
    // The shipped resources are not written into.
    expect(locales['nl']!['talentenscan']!['energy']).toBe(shipped);
    t.applyOverrides([]);
    expect(t.render(energy, 'nl').text).toBe(shipped);
  });

  it('overrides nested keys and plural forms, filling in placeholders as usual', async () => {
    const t = await createTranslator(loadLocales());
    t.applyOverrides([
      { language: 'en', key: 'talentenscan.interest.cooking', text: 'Cooking' },
      { language: 'en', key: 'system.truncated_other', text: 'Too long: I kept {{count}}.' },
    ]);
    expect(t.text('talentenscan.interest.cooking', 'en')).toBe('Cooking');
    expect(t.text('talentenscan.interest.garden', 'en')).toMatch(/garden/i);
    const say = (count: number) =>
      t.render({ key: 'system.truncated', params: { count: { text: String(count) } } }, 'en').text;
    expect(say(40)).toBe('Too long: I kept 40.');
    expect(say(1)).toBe('Your message was very long. I kept the first character.');
  });

  it('counts a revision only when the texts really changed, so word lists are worked out again', async () => {
    const t = await createTranslator(loadLocales());
    const help = (word: string) =>
      shapedWords(t, 'keywords.help', ['nl'], (w) => w.toLowerCase()).includes(word);
    expect(help('toelichting')).toBe(false);
    const override = { language: 'nl', key: 'keywords.help', text: 'help|hulp|toelichting' };
    t.applyOverrides([override]);
    expect(t.revision).toBe(1);
    expect(help('toelichting')).toBe(true);
    t.applyOverrides([{ ...override }]);
    expect(t.revision).toBe(1);
    t.applyOverrides([]);
    expect(t.revision).toBe(2);
    expect(help('toelichting')).toBe(false);
  });
});
