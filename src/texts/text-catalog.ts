/**
 * Every text as residents get it at one moment: the shipped locale files with the
 * coordinators' overrides on top, and for each translation whether it still follows the
 * Dutch text. An immutable snapshot; the live one is swapped whole when an override changes.
 */
import { pluralForms } from '../flows/locale-rules.js';
import { keyParts } from './text-editability.js';
import { sourceTextOf, textHash } from './source-hash.js';

/** The language every other language is translated from. */
export const sourceLanguage = 'nl';

/** Translations per language, flattened to `namespace.path.to.key` → text. */
export type TextTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Per language and key: the hash of the Dutch text the shipped translation was written from. */
export type ShippedSources = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A coordinator's wording of one text in one language, served over the shipped text. */
export interface TextOverride {
  language: string;
  key: string;
  text: string;
  /** Hash of the Dutch text this translation was written from; null for Dutch itself. */
  sourceHash: string | null;
  /** The revision that set it. */
  revisionId: number;
}

/**
 * `source`: the Dutch text itself. `missing`: no text at all. `outdated`: the Dutch text
 * changed after the translation was written. `notUsed`: a plural form the language lacks.
 */
export const translationStatuses = [
  'source',
  'upToDate',
  'outdated',
  'missing',
  'notUsed',
] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

const cell = (language: string, key: string) => `${language}\u0000${key}`;

export class TextCatalog {
  private readonly overrides: ReadonlyMap<string, TextOverride>;
  private readonly dutchForms = pluralForms(sourceLanguage);

  constructor(
    readonly shipped: TextTable,
    readonly shippedSources: ShippedSources,
    overrides: readonly TextOverride[] = [],
    /** The change counter these overrides were read at (0: none read yet). */
    readonly version = 0,
  ) {
    this.overrides = new Map(overrides.map((o) => [cell(o.language, o.key), o]));
  }

  get languages(): string[] {
    return Object.keys(this.shipped);
  }

  private sortedKeys: readonly string[] | null = null;

  /** Every key some language ships, sorted. */
  keys(): readonly string[] {
    this.sortedKeys ??= [
      ...new Set(Object.values(this.shipped).flatMap((table) => Object.keys(table))),
    ].sort();
    return this.sortedKeys;
  }

  allOverrides(): TextOverride[] {
    return [...this.overrides.values()];
  }

  override(language: string, key: string): TextOverride | undefined {
    return this.overrides.get(cell(language, key));
  }

  shippedText(language: string, key: string): string | undefined {
    return this.shipped[language]?.[key];
  }

  /** What a resident gets: the override, else the shipped text. */
  text(language: string, key: string): string | undefined {
    return this.override(language, key)?.text ?? this.shippedText(language, key);
  }

  /** Whether `language` uses this key at all (a plural form it has, or a plain text). */
  uses(language: string, key: string): boolean {
    const { form } = keyParts(key);
    return form === null || pluralForms(language).includes(form);
  }

  /** The hash of the Dutch text a translation of `key` must follow now. */
  sourceHash(key: string): string | undefined {
    const source = sourceTextOf(key, (k) => this.text(sourceLanguage, k), this.dutchForms);
    return source === undefined ? undefined : textHash(source);
  }

  /** The hash of the Dutch text the current translation was written from. */
  basis(language: string, key: string): string | undefined {
    const override = this.override(language, key);
    if (override) return override.sourceHash ?? undefined;
    return this.shippedSources[language]?.[key];
  }

  status(language: string, key: string): TranslationStatus {
    if (!this.uses(language, key)) return 'notUsed';
    if (!this.text(language, key)?.trim()) return 'missing';
    if (language === sourceLanguage) return 'source';
    const source = this.sourceHash(key);
    const basis = this.basis(language, key);
    // flows:check keeps every shipped translation stamped; nothing to compare means no change.
    if (source === undefined || basis === undefined) return 'upToDate';
    return source === basis ? 'upToDate' : 'outdated';
  }
}
