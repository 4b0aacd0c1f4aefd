/**
 * Every language's phrases. All of them are checked on every message, whatever language the
 * chat is in: a resident in crisis writes in the language that comes, not the one they
 * picked. Add a language by adding its file here (see the README in the folder above).
 */
import { PhraseBook, type LanguagePhrases } from '../phrase-book.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

export const phraseLanguages: readonly LanguagePhrases[] = [nl, en, ar, tr, pl, uk];

/** Compiled once when first imported; a broken pattern fails here, at start-up and in tests. */
export const phraseBook = new PhraseBook(phraseLanguages);
