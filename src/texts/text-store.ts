/**
 * What the texts editor needs from storage. The editor's use cases depend on this port only;
 * `src/store/text-repository.ts` implements it on the database.
 */
import type { TextOverride } from './text-catalog.js';

/** What a change did: a coordinator's save, an undo of an earlier change, or back to the shipped text. */
export type TextChangeKind = 'save' | 'revert' | 'reset';

/** One change to one text: who, when, and the override before and after. */
export interface TextRevision {
  id: number;
  language: string;
  key: string;
  kind: TextChangeKind;
  /** The override before the change; null: the shipped text was in use. */
  before: string | null;
  beforeSourceHash: string | null;
  /** The override after the change; null: back to the shipped text. */
  after: string | null;
  afterSourceHash: string | null;
  /** For a revert: the revision whose change was undone. */
  revertOf: number | null;
  /** The staff member who made the change, kept after their account is removed. */
  staffId: string;
  /** Their name as the history shows it, while the account exists. */
  staffName: string | null;
  at: Date;
}

/** The override a change leaves behind: a text, or null to fall back to the shipped text. */
export interface TextChange {
  language: string;
  key: string;
  kind: TextChangeKind;
  text: string | null;
  sourceHash: string | null;
  revertOf: number | null;
  staffId: string;
  at: Date;
}

/** A member of staff as far as the editor cares. */
export interface TextStaff {
  id: string;
  /** verbinder | coordinator */
  role: string;
  active: boolean;
}

export interface TextStore {
  /** The change counter: one indexed read, so every process can ask it often. */
  version(): Promise<number>;
  /** Every override, and the counter they were read at. */
  overrides(): Promise<{ version: number; overrides: TextOverride[] }>;
  /**
   * Applies a change in one transaction that first takes the counter's row lock, so changes
   * are serialised and each revision's `before` is what the change really replaced. Returns
   * null when the override already is what the change asks for (nothing is written).
   */
  change(change: TextChange): Promise<TextRevision | null>;
  revision(id: number): Promise<TextRevision | null>;
  /** The changes to one text, newest first. */
  history(language: string, key: string, limit: number): Promise<TextRevision[]>;
  staff(id: string): Promise<TextStaff | null>;
}
