/**
 * The texts editor's use cases, one per thing the page does: show a text to edit, save it,
 * undo a change, show its history, browse every text. Saves are checked with the same rules
 * as the locale files, versioned (who, when, before and after), and served at once by this
 * process and within the freshness interval by every other one (see live-texts.ts).
 */
import { sanitize } from '../flows/answers/normalize.js';
import type { FlowRegistry } from '../flows/engine.js';
import {
  browseTexts,
  textPlaces,
  type TextBrowse,
  type TextFilter,
  type TextPlace,
} from './browse-texts.js';
import { canEditTexts } from './can-edit-texts.js';
import { checkEdit, expectedPlaceholders, maxTextLength } from './check-text.js';
import type { LiveTexts } from './live-texts.js';
import { placeholderText } from './placeholders.js';
import { sourceLanguage, type TextCatalog, type TranslationStatus } from './text-catalog.js';
import { consentKeys, isWordList, whyNotEditable } from './text-editability.js';
import type { TextRefusal, TextRefusalCode } from './text-refusal.js';
import type { TextRevision, TextStore } from './text-store.js';

/** Everything the edit form shows about one text in one language. */
export interface EditableText {
  lang: string;
  key: string;
  /** Null when a coordinator may edit it; else why not (a staff text, a consent question). */
  notEditable: Extract<TextRefusalCode, 'notEditable' | 'consentText'> | null;
  /** What residents get now; null when missing. */
  text: string | null;
  /** The text in the locale file, what "back to the standard text" gives. */
  shipped: string | null;
  /** The coordinator's wording in use, if any, and the revision that set it. */
  override: { text: string; revisionId: number } | null;
  /** The Dutch text residents get now: what a translation follows. */
  dutch: string | null;
  status: TranslationStatus;
  /** Placeholders the text must keep, and may use, as a coordinator writes them: `{{name}}`. */
  placeholders: { required: string[]; allowed: string[] };
  wordList: boolean;
  maxLength: number;
  /** Where the text appears: a flow and step, or a namespace. */
  place: TextPlace;
}

export interface SaveTextInput {
  lang: string;
  key: string;
  text: string;
  /** The staff member saving, from the session: only an active coordinator may. */
  staffId: string;
}

/** Saved (revision null: the text already was exactly this), or refused with reasons. */
export type SaveResult =
  { ok: true; revision: TextRevision | null } | { ok: false; refusals: TextRefusal[] };

export interface TextEditorDeps {
  store: TextStore;
  live: LiveTexts;
  flows: FlowRegistry;
  clock(): Date;
}

export class TextEditor {
  private readonly consent: ReadonlySet<string>;

  constructor(private readonly deps: TextEditorDeps) {
    this.consent = consentKeys(deps.flows);
  }

  /** The texts this process serves now. */
  get catalog(): TextCatalog {
    return this.deps.live.catalog;
  }

  /**
   * The edit form's data; null for a language or key that does not exist (a 404). Pages
   * first catch up with the database (one cheap read): a coordinator whose next request lands
   * on another web replica still sees their own change.
   */
  async editableText(lang: string, key: string): Promise<EditableText | null> {
    await this.deps.live.refresh();
    const { catalog } = this;
    const place = textPlaces(this.deps.flows, catalog).get(key);
    if (!catalog.languages.includes(lang) || !place || !catalog.uses(lang, key)) return null;
    const override = catalog.override(lang, key);
    const dutch = catalog.uses(sourceLanguage, key) ? catalog.text(sourceLanguage, key) : undefined;
    const expected = expectedPlaceholders(key, (k) => catalog.shippedText(sourceLanguage, k));
    return {
      lang,
      key,
      notEditable: whyNotEditable(key, this.consent),
      text: catalog.text(lang, key) ?? null,
      shipped: catalog.shippedText(lang, key) ?? null,
      override: override ? { text: override.text, revisionId: override.revisionId } : null,
      dutch: dutch ?? null,
      status: catalog.status(lang, key),
      placeholders: {
        required: expected.required.map(placeholderText),
        allowed: expected.allowed.map(placeholderText),
      },
      wordList: isWordList(key),
      maxLength: maxTextLength,
      place,
    };
  }

  /**
   * Saves a coordinator's wording. A text that is exactly the shipped one (written from the
   * same Dutch text) removes the override instead, so later shipped changes reach residents.
   */
  async saveText(input: SaveTextInput): Promise<SaveResult> {
    const text = sanitize(input.text.replace(/\r\n?/g, '\n')).trim();
    const { lang, key } = input;
    const refused = await this.refusals(input.staffId, { language: lang, key, text });
    if (refused) return refused;
    const { catalog } = this;
    const sourceHash = lang === sourceLanguage ? null : (catalog.sourceHash(key) ?? null);
    const asShipped =
      text === catalog.shippedText(lang, key) &&
      (lang === sourceLanguage || catalog.shippedSources[lang]?.[key] === sourceHash);
    return this.apply({
      language: lang,
      key,
      kind: asShipped ? 'reset' : 'save',
      text: asShipped ? null : text,
      sourceHash: asShipped ? null : sourceHash,
      revertOf: null,
      staffId: input.staffId,
      at: this.deps.clock(),
    });
  }

  /**
   * Undoes a change: a new revision that puts back the override as it was before
   * `revisionId` (or removes it, when the shipped text was in use then). An earlier text
   * is checked again: the Dutch text's placeholders may have changed since.
   */
  async revertText(revisionId: number, staffId: string): Promise<SaveResult> {
    const revision = await this.deps.store.revision(revisionId);
    if (!revision)
      return { ok: false, refusals: [{ code: 'unknownRevision', value: String(revisionId) }] };
    const { language, key, before, beforeSourceHash } = revision;
    const edit = { language, key, text: before ?? this.catalog.shippedText(language, key) ?? '' };
    const refused = await this.refusals(staffId, edit, before === null);
    if (refused) return refused;
    return this.apply({
      language,
      key,
      kind: 'revert',
      text: before,
      sourceHash: before === null ? null : beforeSourceHash,
      revertOf: revisionId,
      staffId,
      at: this.deps.clock(),
    });
  }

  /** Back to the text in the locale file: the override is removed (a revision records it). */
  async resetText(input: Omit<SaveTextInput, 'text'>): Promise<SaveResult> {
    const { lang, key, staffId } = input;
    const shipped = this.catalog.shippedText(lang, key) ?? '';
    const refused = await this.refusals(staffId, { language: lang, key, text: shipped }, true);
    if (refused) return refused;
    return this.apply({
      language: lang,
      key,
      kind: 'reset',
      text: null,
      sourceHash: null,
      revertOf: null,
      staffId,
      at: this.deps.clock(),
    });
  }

  /** The changes to one text, newest first (the last 50). */
  textHistory(lang: string, key: string): Promise<TextRevision[]> {
    return this.deps.store.history(lang, key, 50);
  }

  async browseTexts(filter: TextFilter = {}): Promise<TextBrowse> {
    await this.deps.live.refresh();
    return browseTexts(this.deps.flows, this.catalog, this.consent, filter);
  }

  /**
   * Why the change may not be made: the staff member, then the text. Going back to the
   * shipped text only needs the key to be editable: the locale file passed flows:check.
   */
  private async refusals(
    staffId: string,
    edit: { language: string; key: string; text: string },
    toShipped = false,
  ): Promise<{ ok: false; refusals: TextRefusal[] } | null> {
    // Checked against the texts of now, not of the last poll (word lists, the Dutch text).
    await this.deps.live.refresh();
    if (!canEditTexts(await this.deps.store.staff(staffId))) {
      return { ok: false, refusals: [{ code: 'notAllowed' }] };
    }
    const all = checkEdit(edit, this.catalog, this.consent);
    const refusals = toShipped ? all.filter((r) => !textRules.has(r.code)) : all;
    return refusals.length > 0 ? { ok: false, refusals } : null;
  }

  private async apply(change: Parameters<TextStore['change']>[0]): Promise<SaveResult> {
    const revision = await this.deps.store.change(change);
    // Visible to this process at once; other processes follow within the interval.
    if (revision) await this.deps.live.refresh();
    return { ok: true, revision };
  }
}

/** Rules about the words themselves, which a shipped text already passed in flows:check. */
const textRules = new Set<TextRefusalCode>([
  'empty',
  'tooLong',
  'missingPlaceholder',
  'unknownPlaceholder',
  'missingNumber',
  'brokenPlaceholder',
  'nesting',
  'notTranslated',
  'emptyWord',
  'wordTooLong',
  'tooManyWords',
  'lineBreakInWords',
  'wordClash',
]);
