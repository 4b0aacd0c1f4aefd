/**
 * How the texts pages name and order what they list: a group (a flow, or a namespace of
 * other texts) by its title in the coordinator's language, a step by its number in the flow,
 * the languages with Dutch first (the text every translation follows), and per group how many
 * texts miss a translation, follow an older Dutch text or were changed by a coordinator.
 */
import type { FlowRegistry } from '../../../flows/engine.js';
import type { TextBrowse, TextCell, TextGroup } from '../../../texts/browse-texts.js';
import { sourceLanguage } from '../../../texts/text-catalog.js';
import type { PageContext } from '../../page-context.js';

export interface GroupSummary {
  kind: TextGroup['kind'];
  id: string;
  titleKey: string | null;
  texts: number;
  missing: number;
  outdated: number;
  changed: number;
}

export function summarizeGroups(browse: TextBrowse): GroupSummary[] {
  return browse.groups.map(({ kind, id, titleKey, sections }) => {
    const rows = sections.flatMap((s) => s.rows);
    const count = (test: (cell: TextCell) => boolean) =>
      rows.filter((row) => Object.values(row.cells).some(test)).length;
    return {
      kind,
      id,
      titleKey,
      texts: rows.length,
      missing: count((c) => c.status === 'missing'),
      outdated: count((c) => c.status === 'outdated'),
      changed: count((c) => c.overridden),
    };
  });
}

/** A group's title: a flow's name in the resident's menu, or the namespace in words. */
export function groupTitle(
  ctx: PageContext,
  group: { kind: TextGroup['kind']; id: string; titleKey: string | null },
): string {
  if (group.kind === 'flow' && group.titleKey)
    return ctx.render({ key: group.titleKey, params: {} });
  const key = `texts.groups.${group.id}`;
  const title = ctx.t(key);
  return title === `web.${key}` || title === key ? group.id : title;
}

/**
 * Every group's title. Flows that share a menu name (the care offers) get their id after it,
 * so that each can be told apart.
 */
export function groupTitles(
  ctx: PageContext,
  groups: readonly { kind: TextGroup['kind']; id: string; titleKey: string | null }[],
): Map<string, string> {
  const titles = groups.map((g) => [g.id, groupTitle(ctx, g)] as const);
  const seen = new Map<string, number>();
  for (const [, title] of titles) seen.set(title, (seen.get(title) ?? 0) + 1);
  return new Map(
    titles.map(([id, title]) => [id, seen.get(title)! > 1 ? `${title} (${id})` : title]),
  );
}

/** Each flow's steps in order, numbered from 1: how the pages name a step. */
export function stepNumbers(flows: FlowRegistry): Map<string, Map<string, number>> {
  return new Map(
    [...flows.values()].map((flow) => [
      flow.id,
      new Map(Object.keys(flow.steps).map((step, i) => [step, i + 1])),
    ]),
  );
}

/** Dutch first, then the others as the catalogue lists them. */
export function languagesInOrder(languages: readonly string[]): string[] {
  return [
    ...languages.filter((l) => l === sourceLanguage),
    ...languages.filter((l) => l !== sourceLanguage),
  ];
}
