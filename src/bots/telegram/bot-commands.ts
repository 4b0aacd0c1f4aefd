/**
 * The command menu Telegram shows next to the text field, per language: the same global
 * keywords the engine understands everywhere ("/taal" is the keyword "taal"), described in
 * the resident's language from `locales/<lng>/commands.json`. A language adds its command
 * list by adding that file; `commands.names.language` is its word for "language".
 */
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Translator } from '../../conversations/ports.js';

export interface CommandList {
  /** Telegram's `language_code` (ISO 639-1); absent for the list shown to everyone else. */
  languageCode?: LanguageCode;
  commands: BotCommand[];
}

const commandKeys = ['start', 'menu', 'language', 'help', 'stop'] as const;

/** Telegram command names: 1–32 of a-z, 0-9 and _. */
const validName = /^[a-z0-9_]{1,32}$/;

export function botCommands(translator: Translator, defaultLanguage: string): CommandList[] {
  const languages = translator.languages.filter((l): l is LanguageCode => /^[a-z]{2}$/.test(l));
  return [
    { commands: commandsIn(translator, defaultLanguage) },
    ...languages.map((languageCode) => ({
      languageCode,
      commands: commandsIn(translator, languageCode),
    })),
  ];
}

function commandsIn(translator: Translator, language: string): BotCommand[] {
  return commandKeys.flatMap((key) => {
    const description = translator.text(`commands.${key}`, language)?.trim().slice(0, 256);
    const name = key === 'language' ? translator.text('commands.names.language', language) : key;
    if (!description || !name || !validName.test(name)) return [];
    return [{ command: name, description }];
  });
}
