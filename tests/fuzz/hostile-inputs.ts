/**
 * What a resident may throw at Bloei, as fast-check arbitraries: random Unicode, RTL and
 * zero-width marks, emoji sequences, 64 KiB strings, only whitespace, control characters,
 * lone surrogates, SQL/HTML/template-looking strings, numbers out of range, keywords and
 * commands in the middle of a question, media, and button taps with random or stale ids.
 *
 * Deliberately left out: words that end or erase the conversation on purpose (`stop` and
 * "forget me", in every language). They are legitimate ways to leave Bloei, not hostile
 * input; whatever matches them in any language is filtered out (see `endsTalk`).
 * Safety phrases are sent now and then on purpose: they pause the questionnaire by design
 * (it waits for 'verder' or 'menu'), and the driver gets past that pause with `menu` when
 * it finishes the conversation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { localeTable } from '../support/locale-lexicon.js';

export type Category =
  | 'unicode'
  | 'rtl'
  | 'emoji'
  | 'huge'
  | 'whitespace'
  | 'control'
  | 'surrogate'
  | 'injection'
  | 'number'
  | 'keyword'
  | 'plausible'
  | 'mixed'
  | 'media'
  | 'tap';

/** Which ref a tap carries: none (the simulator), the current question's, an older one. */
export type TapRef = 'none' | 'current' | 'stale' | 'random';

export type Hostile =
  | { category: Exclude<Category, 'media' | 'tap'>; text: string }
  | { category: 'media'; line: string }
  | { category: 'tap'; id: { seen: number } | { random: string }; ref: TapRef; salt: number };

/** A 64 KiB message: exactly 65,536 UTF-16 code units. */
export const hugeLength = 64 * 1024;

const languages = Object.keys(localeTable).sort();
const wordList = (key: string) =>
  languages.flatMap((l) =>
    (localeTable[l]?.[key] ?? '')
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  );

/** Keywords that may come in the middle of a question, in every language. */
const keywordWords = ['menu', 'language', 'help', 'person', 'later', 'continue', 'myData'].flatMap(
  (k) => wordList(`keywords.${k}`),
);

/** Crisis sentences residents might send, from the safety corpus of every language. */
const safetyPhrases = languages.flatMap((l) =>
  (
    JSON.parse(
      readFileSync(join(import.meta.dirname, `../fixtures/safety-corpus/${l}.json`), 'utf8'),
    ) as { crisis: { text: string }[] }
  ).crisis.map((c) => c.text),
);

/** Lowercase letters and digits only, for comparing with word lists without product code. */
function squash(text: string): string {
  return text
    .trim()
    .replace(/^\/([^\s@]+)(@\S+)?$/, '$1')
    .toWellFormed()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ending = new Set(['stop', 'forgetMe'].flatMap((k) => wordList(`keywords.${k}`)).map(squash));

const keywordSet = new Set([...keywordWords.map(squash), ...ending]);

/** Whether `text` would be read as a keyword (near enough: a superset of what Bloei reads). */
export function isKeyword(text: string): boolean {
  return keywordSet.has(squash(text));
}

/** Whether `text` would be read as STOP or "forget me" (see the header). */
export function endsTalk(text: string): boolean {
  return ending.has(squash(text));
}

const char = (code: number) => String.fromCodePoint(code);
const joined = (parts: fc.Arbitrary<string>, maxLength: number, separator = '') =>
  fc.array(parts, { minLength: 1, maxLength }).map((p) => p.join(separator));

const marks = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2060',
  '\uFEFF',
  '\u061C',
];

const unicode = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 }),
);

const rtl = joined(
  fc.oneof(
    fc.constantFrom(...marks),
    fc.constantFrom('شكرا', 'نعم', 'لا', 'שלום', 'ک', 'ی', '١', '٢', '۳', '12', 'abc', ' ', '،'),
    fc.integer({ min: 0x0600, max: 0x06ff }).map(char),
    fc.integer({ min: 0x0590, max: 0x05ff }).map(char),
  ),
  24,
);

const emojiUnits = [
  '👍',
  '🙂',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🧑🏿‍🦯',
  '🧑‍💻',
  '🏳️‍🌈',
  '🏴‍☠️',
  '🇳🇱',
  '🇸🇾',
  '🇺🇦',
  '1️⃣',
  '#️⃣',
  '❤️',
  '☺︎',
  '🫶🏻',
  '\u{1F3FB}',
  '\u{1F1E6}',
  '\u{E0067}',
];
const emoji = joined(fc.constantFrom(...emojiUnits), 30, '').chain((e) =>
  fc.constantFrom(e, ` ${e} `, `${e}\u200D${e}`, `1 ${e}`, `${e} ja`),
);

/**
 * 64 KiB strings: a unit repeated (letters, emoji, punctuation, marks, controls, lone
 * surrogates, decomposed accents) between a prefix and a suffix, or a random chunk repeated.
 */
const huge = fc
  .oneof(
    fc.record({
      prefix: fc.constantFrom('', 'Hi ', 'ja ', '1 ', 'menu ', 'مرحبا ', '\uD800', '<b>'),
      unit: fc.constantFrom(
        'a',
        'ab ',
        'Ж',
        'ش ',
        '🙂',
        '👨‍👩‍👧',
        '!',
        '. ',
        ' ',
        '\t\n',
        '\u200F',
        '\u0000',
        '١',
        '\uDC00',
        'e\u0301',
        '<b>',
        "' OR 1=1 -- ",
        '1, ',
      ),
      suffix: fc.constantFrom('', ' ok', '?', '1', 'x', '\uD83D'),
    }),
    fc.record({
      prefix: fc.constant(''),
      unit: fc.string({ unit: 'binary', minLength: 64, maxLength: 256 }),
      suffix: fc.constant(''),
    }),
  )
  .map(({ prefix, unit, suffix }) => {
    const body = (prefix + unit.repeat(Math.ceil(hugeLength / unit.length))).slice(
      0,
      hugeLength - suffix.length,
    );
    return body + suffix;
  });

const whitespace = fc
  .array(
    fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\v',
      '\f',
      '\u00A0',
      '\u1680',
      '\u2003',
      '\u2028',
      '\u2029',
      '\u202F',
      '\u3000',
      '\u0085',
      '\u180E',
      '\u200B',
      '\uFEFF',
    ),
    { maxLength: 40 },
  )
  .map((p) => p.join(''));

const control = joined(
  fc.oneof(
    fc.integer({ min: 0x00, max: 0x1f }).map(char),
    fc.integer({ min: 0x7f, max: 0x9f }).map(char),
    fc.constantFrom('a', '1', 'ja', ' ', 'menu'),
  ),
  20,
);

const surrogate = joined(
  fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('a', '1', 'ja', '🙂', ' ', 'menu'),
  ),
  12,
);

const injection = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '\'; DROP TABLE "Answer"; --',
      "1' OR '1'='1",
      '1; DELETE FROM "Conversation" WHERE true; --',
      'Robert\'); DROP TABLE "Contact";--',
      '\\x00\\u0000',
      '$1',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<b>bold</b> <i>1</i>',
      '&lt;tap:yes&gt;',
      '<tap:yes',
      '<media:>',
      '<media:../../etc/passwd>',
      '<tap:../../x>',
      '{{count}}',
      '{{- max}} {{min}}',
      '$t(system.help)',
      '$t(keywords.stop)',
      '%s %d %n %x',
      '${process.exit(1)}',
      '`rm -rf /`',
      '{"__proto__": {"polluted": true}}',
      '__proto__',
      'constructor',
      'toString',
      'null',
      'undefined',
      'NaN',
      '[object Object]',
      '../../../../etc/passwd',
      'C:\\Windows\\System32',
      '\\n\\r\\t',
      '*bold* _italic_ ~strike~ `code`',
      '[link](javascript:alert(1))',
      'https://example.org/?q=<x>&a=1',
      '@everyone #1',
    ),
  },
  { weight: 2, arbitrary: fc.json({ maxDepth: 2 }) },
  {
    weight: 2,
    arbitrary: fc.stringMatching(/^<\/?[a-z]{1,6}( [a-z]+="[^"]{0,8}")?>[^<]{0,12}$/),
  },
  // What verbinders type: "pak 12", "sluit 3", a link code (a resident may paste one).
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('pak 12', 'sluit 3', 'claim 1', 'close #2', 'open', 'bloei-0000-0000'),
      fc.stringMatching(
        /^[Bb][Ll][Oo][Ee][Ii]-[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}-[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}$/,
      ),
    ),
  },
);

const arabicDigits = (n: string) => n.replace(/\d/g, (d) => char(0x0660 + Number(d)));
const persianDigits = (n: string) => n.replace(/\d/g, (d) => char(0x06f0 + Number(d)));

const number = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '00',
    '-0',
    '999999999999',
    '١٢',
    '۱۲',
    '١٠٠٠٠٠٠٠٠٠٠',
    '１２',
    '1e3',
    '1e309',
    '0x10',
    '1.5',
    '2,5',
    '+1',
    '٠',
    'Infinity',
    '-999999999',
    '2147483648',
    '9007199254740993',
    '12345678901234567890',
    '1,2,3,99',
    '1 2 3 4 5 6 7 8 9 10 11 12',
    '0, 12',
    '²',
    '½',
    'Ⅻ',
    '1-3',
  ),
  fc.integer({ min: 12, max: 2_000_000_000 }).map(String),
  fc.integer({ min: -2_000_000_000, max: 0 }).map(String),
  fc.bigInt({ min: 10n ** 12n, max: 10n ** 30n }).map(String),
  fc.integer({ min: 12, max: 99999 }).map((n) => arabicDigits(String(n))),
  fc.integer({ min: 12, max: 99999 }).map((n) => persianDigits(String(n))),
);

const keyword = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...keywordWords) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'menu',
      'MENU',
      ' Menu!! ',
      'help',
      'hulp',
      '?',
      'info',
      'taal',
      'language',
      'later',
      'pause',
      'verbinder',
      'person',
      'verder',
      'continue',
      '\u200Fmenu\u200F',
      'me\u200Bnu',
      '/start',
      '/start@BloeiBot',
      '/menu',
      '/help',
      '/taal',
      '/language@BloeiBot',
      '/later',
      '/start extra words',
      '/',
      '//',
      '/ menu',
      '/123',
      '/verder',
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^\/[a-z_][a-z0-9_]{0,20}(@[A-Za-z]\w{0,12})?$/) },
  // Now and then a safety phrase: the questionnaire then waits until 'verder' or 'menu'.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...safetyPhrases)
      .chain((p) => fc.constantFrom(p, `Eigenlijk ${p}.`, `${p.toUpperCase()}!!`)),
  },
);

/** Answers that may well be valid here: they move the conversation to other points. */
const plausible = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map(String),
  fc.integer({ min: 1, max: 12 }).map((n) => arabicDigits(String(n))),
  fc.constantFrom(
    'ja',
    'nee',
    'yes',
    'no',
    'نعم',
    'لا',
    'evet',
    'hayır',
    'tak',
    'nie',
    'так',
    'ні',
    '1, 2',
    '2 en 3',
    '1 and 4',
    'Gardening',
    'Tuin',
    'Stratum',
    'English',
    'Nederlands',
    'العربية',
    'I like cooking for my neighbours.',
    'Ik help graag.',
  ),
  fc.string({ unit: 'grapheme-ascii', minLength: 3, maxLength: 40 }),
);

const media = fc.constantFrom(
  '<media>',
  '<media:photo>',
  '<media:sticker>',
  '<media:voice>',
  '<media:location>',
  '<media:document>',
  '<media:video_note>',
  ' <media:contact> ',
);

const tap = fc.record({
  id: fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((seen) => ({ seen })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.stringMatching(/^[\w-]{1,40}$/),
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.constantFrom('', 'yes', 'no', '1', '0', '99', 'nl', 'ar', 'talentenscan', 'person'),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'claim', 'close'),
        )
        .map((random) => ({ random })),
    },
  ),
  ref: fc.constantFrom<TapRef>('none', 'current', 'stale', 'random'),
  /** Chooses among older refs, or makes up one. */
  salt: fc.nat(),
});

const simpleText: fc.Arbitrary<string> = fc.oneof(
  unicode,
  rtl,
  emoji,
  whitespace,
  control,
  surrogate,
  injection,
  number,
  keyword,
  plausible,
);
const mixed = fc
  .array(simpleText, { minLength: 2, maxLength: 4 })
  .chain((parts) => fc.constantFrom(' ', '', '\n', ', ').map((sep) => parts.join(sep)));

const text = <C extends Exclude<Category, 'media' | 'tap'>>(
  category: C,
  arbitrary: fc.Arbitrary<string>,
) => arbitrary.filter((t) => !endsTalk(t)).map((t) => ({ category, text: t }) as Hostile);

export const hostileInput: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: text('unicode', unicode) },
  { weight: 2, arbitrary: text('rtl', rtl) },
  { weight: 2, arbitrary: text('emoji', emoji) },
  { weight: 1, arbitrary: text('huge', huge) },
  { weight: 2, arbitrary: text('whitespace', whitespace) },
  { weight: 2, arbitrary: text('control', control) },
  { weight: 2, arbitrary: text('surrogate', surrogate) },
  { weight: 3, arbitrary: text('injection', injection) },
  { weight: 3, arbitrary: text('number', number) },
  { weight: 5, arbitrary: text('keyword', keyword) },
  { weight: 5, arbitrary: text('plausible', plausible) },
  { weight: 2, arbitrary: text('mixed', mixed) },
  { weight: 2, arbitrary: media.map((line) => ({ category: 'media', line }) as Hostile) },
  { weight: 4, arbitrary: tap.map((t) => ({ category: 'tap', ...t }) as Hostile) },
);
