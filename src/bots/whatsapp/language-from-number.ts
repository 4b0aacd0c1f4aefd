/**
 * A WhatsApp number's country code hints at a language (+90 Turkish, +48 Polish, +380
 * Ukrainian, Arab countries Arabic, …). Only a hint: Bloei asks every resident for their
 * language at first contact, in the hinted one.
 */
const byPrefix: [string, string][] = [
  ['31', 'nl'],
  ['32', 'nl'],
  ['44', 'en'],
  ['353', 'en'],
  ['1', 'en'],
  ['90', 'tr'],
  ['48', 'pl'],
  ['380', 'uk'],
  ...[
    '20',
    '212',
    '213',
    '216',
    '218',
    '249',
    '961',
    '962',
    '963',
    '964',
    '965',
    '966',
    '967',
    '968',
    '970',
    '971',
    '973',
    '974',
  ].map((code): [string, string] => [code, 'ar']),
];

/** The language a chat id such as `905321234567@c.us` suggests, if any. */
export function languageFromNumber(chatId: string): string | undefined {
  const digits = /^(\d+)@c\.us$/.exec(chatId)?.[1];
  if (!digits) return undefined;
  const match = byPrefix
    .filter(([prefix]) => digits.startsWith(prefix))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return match?.[1];
}
