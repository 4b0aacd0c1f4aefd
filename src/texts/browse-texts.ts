/**
 * Every text residents see, as the editor lists it: under the flow and step that shows it
 * (the flow definitions name their keys per step), the rest by namespace (system, safety,
 * privacy, keywords, …), each row in all languages side by side with its translation status.
 * Staff texts (dashboard, verbinders' chat) are left out. Pure: the page renders this data.
 */
import type { FlowRegistry } from '../flows/engine.js';
import { stepKeys } from '../flows/step-keys.js';
import type { TextCatalog, TranslationStatus } from './text-catalog.js';
import { isWordList, keyParts, staffNamespaces, whyNotEditable } from './text-editability.js';

/** Namespaces shared by every flow (yes, no, the agree scale): listed once, on their own. */
const sharedNamespaces: readonly string[] = ['common'];

export interface TextFilter {
  /** Only one group: a flow id or a namespace. */
  group?: string;
  /** Only rows with this status (in `lang`, or in any language). `changed`: has an override. */
  status?: 'missing' | 'outdated' | 'changed';
  lang?: string;
  /** Words in the key or in any language's text, case-insensitive. */
  search?: string;
}

export interface TextCell {
  /** What residents get; null when the text is missing or the language does not use the key. */
  text: string | null;
  status: TranslationStatus;
  /** A coordinator's wording, not the shipped one. */
  overridden: boolean;
}

export interface TextRow {
  key: string;
  /** Alternatives separated by `|` (keywords, yes and no words). */
  wordList: boolean;
  /** False for consent questions, shown but changed only by developers. */
  editable: boolean;
  cells: Record<string, TextCell>;
}

export interface TextSection {
  /** The step id; null for a flow's title, or for a namespace's texts. */
  step: string | null;
  rows: TextRow[];
}

export interface TextGroup {
  kind: 'flow' | 'namespace';
  /** The flow id or the namespace. */
  id: string;
  /** A flow's title key (its name in the resident's menu); null for a namespace. */
  titleKey: string | null;
  sections: TextSection[];
}

export interface TextBrowse {
  languages: string[];
  groups: TextGroup[];
  /** Per language, over every row (not only the filtered ones): the page's headline. */
  missing: Record<string, number>;
  outdated: Record<string, number>;
}

/** Where a key is listed: its group and step. */
export interface TextPlace {
  group: string;
  step: string | null;
}

export function textPlaces(flows: FlowRegistry, catalog: TextCatalog): Map<string, TextPlace> {
  const places = new Map<string, TextPlace>();
  const residentFacing = (key: string) => {
    const { namespace } = keyParts(key);
    return !staffNamespaces.includes(namespace) && !sharedNamespaces.includes(namespace);
  };
  for (const flow of flows.values()) {
    const place = (key: string, step: string | null) => {
      if (residentFacing(key) && !places.has(key)) places.set(key, { group: flow.id, step });
    };
    place(flow.title, null);
    for (const [id, step] of Object.entries(flow.steps))
      stepKeys(step).forEach((k) => place(k, id));
  }
  for (const key of catalog.keys()) {
    const { namespace } = keyParts(key);
    if (!staffNamespaces.includes(namespace) && !places.has(key)) {
      places.set(key, { group: namespace, step: null });
    }
  }
  return places;
}

export function browseTexts(
  flows: FlowRegistry,
  catalog: TextCatalog,
  consentKeys: ReadonlySet<string>,
  filter: TextFilter = {},
): TextBrowse {
  const { languages } = catalog;
  const missing = Object.fromEntries(languages.map((l) => [l, 0]));
  const outdated = Object.fromEntries(languages.map((l) => [l, 0]));
  const groups = new Map<string, TextGroup>();
  for (const flow of flows.values()) {
    groups.set(flow.id, { kind: 'flow', id: flow.id, titleKey: flow.title, sections: [] });
  }
  for (const [key, place] of textPlaces(flows, catalog)) {
    const row = textRow(key, catalog, consentKeys);
    for (const [language, { status }] of Object.entries(row.cells)) {
      if (status === 'missing') missing[language]! += 1;
      if (status === 'outdated') outdated[language]! += 1;
    }
    if (!matches(row, place, filter)) continue;
    let group = groups.get(place.group);
    if (!group) {
      group = { kind: 'namespace', id: place.group, titleKey: null, sections: [] };
      groups.set(place.group, group);
    }
    let section = group.sections.find((s) => s.step === place.step);
    if (!section) group.sections.push((section = { step: place.step, rows: [] }));
    section.rows.push(row);
  }
  const listed = [...groups.values()].filter((g) => g.sections.length > 0);
  const flowGroups = listed.filter((g) => g.kind === 'flow');
  const namespaceGroups = listed
    .filter((g) => g.kind === 'namespace')
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const group of namespaceGroups) {
    for (const section of group.sections) section.rows.sort((a, b) => a.key.localeCompare(b.key));
  }
  return { languages, groups: [...flowGroups, ...namespaceGroups], missing, outdated };
}

export function textRow(
  key: string,
  catalog: TextCatalog,
  consentKeys: ReadonlySet<string>,
): TextRow {
  const cells: Record<string, TextCell> = {};
  for (const language of catalog.languages) {
    const status = catalog.status(language, key);
    const text = status === 'notUsed' ? undefined : catalog.text(language, key);
    cells[language] = {
      text: text?.trim() ? text : null,
      status,
      overridden: catalog.override(language, key) !== undefined,
    };
  }
  return { key, wordList: isWordList(key), editable: !whyNotEditable(key, consentKeys), cells };
}

function matches(row: TextRow, place: TextPlace, filter: TextFilter): boolean {
  if (filter.group && place.group !== filter.group) return false;
  const cells = filter.lang ? [row.cells[filter.lang]].filter(Boolean) : Object.values(row.cells);
  if (filter.status === 'changed' && !cells.some((c) => c!.overridden)) return false;
  if (filter.status === 'missing' && !cells.some((c) => c!.status === 'missing')) return false;
  if (filter.status === 'outdated' && !cells.some((c) => c!.status === 'outdated')) return false;
  const search = filter.search?.trim().toLocaleLowerCase();
  if (search) {
    const haystack = [row.key, ...Object.values(row.cells).map((c) => c.text ?? '')];
    if (!haystack.some((s) => s.toLocaleLowerCase().includes(search))) return false;
  }
  return true;
}
