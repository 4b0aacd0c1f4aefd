/**
 * The texts browser: what Bloei says to residents, by flow and step, in all six languages
 * side by side, with missing and outdated translations marked. Without a filter it lists the
 * flows and other groups with their counts; with one (a group, a status, words) the texts.
 * On a phone each row becomes a block, each language labelled.
 */
import type { TextBrowse, TextCell, TextRow } from '../../../texts/browse-texts.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { Options } from '../../components/forms.js';
import { languageName, LanguageText } from '../../components/language-text.js';
import type { PageContext } from '../../page-context.js';
import { languagesInOrder, type GroupSummary } from './text-groups.js';

export const statusFilters = ['missing', 'outdated', 'changed'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export interface BrowseFilter {
  group: string | null;
  status: StatusFilter | null;
  lang: string | null;
  search: string;
}

export interface TextBrowserProps {
  ctx: PageContext;
  /** The texts that pass the filter. */
  browse: TextBrowse;
  /** Every group with its counts: the index, and the group filter's options. */
  groups: readonly GroupSummary[];
  filter: BrowseFilter;
  /** Every group's title, by id. */
  titles: ReadonlyMap<string, string>;
  /** Per flow, its steps' numbers. */
  steps: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export const editHref = (lang: string, key: string) =>
  `/texts?${new URLSearchParams({ lang, key }).toString()}`;

export function TextBrowser(props: TextBrowserProps) {
  const { ctx, browse, groups, filter, titles, steps } = props;
  const languages = languagesInOrder(browse.languages);
  const filtered = filter.group !== null || filter.status !== null || filter.search !== '';
  return (
    <>
      <p>{ctx.t('texts.intro')}</p>
      <Filters ctx={ctx} groups={groups} titles={titles} filter={filter} languages={languages} />
      <LanguageTotals ctx={ctx} browse={browse} languages={languages} />
      {filtered ? (
        <Texts ctx={ctx} browse={browse} languages={languages} titles={titles} steps={steps} />
      ) : (
        <GroupIndex ctx={ctx} groups={groups} titles={titles} />
      )}
    </>
  );
}

function Filters(props: {
  ctx: PageContext;
  groups: readonly GroupSummary[];
  titles: ReadonlyMap<string, string>;
  filter: BrowseFilter;
  languages: readonly string[];
}) {
  const { ctx, groups, titles, filter, languages } = props;
  return (
    <form method="get" action="/texts" class="filters inline">
      <div>
        <label for="group">{ctx.t('texts.group')}</label>
        <select id="group" name="group">
          <option value="">{ctx.t('texts.allGroups')}</option>
          <Options
            options={groups.map((g) => ({ value: g.id, text: titles.get(g.id) ?? g.id }))}
            selected={filter.group}
          />
        </select>
      </div>
      <div>
        <label for="status">{ctx.t('texts.status')}</label>
        <select id="status" name="status">
          <option value="">{ctx.t('texts.anyStatus')}</option>
          <Options
            options={statusFilters.map((s) => ({
              value: s,
              text: ctx.t(`texts.statusFilter.${s}`),
            }))}
            selected={filter.status}
          />
        </select>
      </div>
      <div>
        <label for="lang">{ctx.t('texts.language')}</label>
        <select id="lang" name="lang">
          <option value="">{ctx.t('texts.anyLanguage')}</option>
          <Options
            options={languages.map((l) => ({ value: l, text: languageName(l, ctx.language) }))}
            selected={filter.lang}
          />
        </select>
      </div>
      <div>
        <label for="search">{ctx.t('texts.search')}</label>
        <input id="search" name="search" type="search" value={filter.search} maxlength={200} />
      </div>
      <button type="submit">{ctx.t('filters.show')}</button>
    </form>
  );
}

/** Per language: how many texts are missing and how many follow an older Dutch text. */
function LanguageTotals(props: {
  ctx: PageContext;
  browse: TextBrowse;
  languages: readonly string[];
}) {
  const { ctx, browse, languages } = props;
  const columns = [
    { label: ctx.t('texts.language') },
    { label: ctx.t('texts.statusFilter.missing'), numeric: true },
    { label: ctx.t('texts.statusFilter.outdated'), numeric: true },
  ];
  return (
    <DataTable id="language-totals" caption={ctx.t('texts.totals')} columns={columns}>
      {languages.map((l) => (
        <tr>
          <Cell label={columns[0]!.label}>{languageName(l, ctx.language)}</Cell>
          <Cell label={columns[1]!.label} numeric>
            {browse.missing[l] ?? 0}
          </Cell>
          <Cell label={columns[2]!.label} numeric>
            {browse.outdated[l] ?? 0}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}

function GroupIndex(props: {
  ctx: PageContext;
  groups: readonly GroupSummary[];
  titles: ReadonlyMap<string, string>;
}) {
  const { ctx, groups, titles } = props;
  const list = (kind: GroupSummary['kind']) => (
    <ul class="groups">
      {groups
        .filter((g) => g.kind === kind)
        .map((g) => (
          <li>
            <a href={`/texts?${new URLSearchParams({ group: g.id }).toString()}`}>
              {titles.get(g.id) ?? g.id}
            </a>{' '}
            <small>
              {[
                ctx.t('texts.groupTexts', { count: g.texts }),
                g.missing > 0 && ctx.t('texts.groupMissing', { count: g.missing }),
                g.outdated > 0 && ctx.t('texts.groupOutdated', { count: g.outdated }),
                g.changed > 0 && ctx.t('texts.groupChanged', { count: g.changed }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </small>
          </li>
        ))}
    </ul>
  );
  return (
    <>
      <h2>{ctx.t('texts.flows')}</h2>
      {list('flow')}
      <h2>{ctx.t('texts.otherTexts')}</h2>
      {list('namespace')}
    </>
  );
}

function Texts(props: {
  ctx: PageContext;
  browse: TextBrowse;
  languages: readonly string[];
  titles: ReadonlyMap<string, string>;
  steps: TextBrowserProps['steps'];
}) {
  const { ctx, browse, languages, titles, steps } = props;
  const count = browse.groups.reduce(
    (sum, g) => sum + g.sections.reduce((n, s) => n + s.rows.length, 0),
    0,
  );
  if (count === 0) return <p class="notice">{ctx.t('texts.none')}</p>;
  const columns = [
    { label: ctx.t('texts.key') },
    ...languages.map((l) => ({ label: languageName(l, ctx.language) })),
  ];
  return (
    <>
      <p role="status">{ctx.t('texts.found', { count })}</p>
      {browse.groups.map((group) => (
        <section class="text-group">
          <h2>{titles.get(group.id) ?? group.id}</h2>
          {group.sections.map((section) => (
            <>
              {group.kind === 'flow' && (
                <h3>
                  {section.step === null
                    ? ctx.t('texts.general')
                    : ctx.t('texts.step', {
                        number: steps.get(group.id)?.get(section.step) ?? '–',
                      })}
                </h3>
              )}
              <DataTable columns={columns}>
                {section.rows.map((row) => (
                  <TextRowView ctx={ctx} row={row} languages={languages} columns={columns} />
                ))}
              </DataTable>
            </>
          ))}
        </section>
      ))}
    </>
  );
}

function TextRowView(props: {
  ctx: PageContext;
  row: TextRow;
  languages: readonly string[];
  columns: readonly { label: string }[];
}) {
  const { ctx, row, languages, columns } = props;
  return (
    <tr>
      <Cell label={columns[0]!.label}>
        <code>{row.key}</code>
        {!row.editable && (
          <>
            {' '}
            <span class="status">{ctx.t('texts.readOnly')}</span>
          </>
        )}
      </Cell>
      {languages.map((l, i) => {
        const cell = row.cells[l];
        return (
          <Cell label={columns[i + 1]!.label}>
            {cell && <TextCellView ctx={ctx} lang={l} cell={cell} />}
            {cell?.status !== 'notUsed' && (
              <a class="edit" href={editHref(l, row.key)}>
                {ctx.t(row.editable ? 'texts.edit' : 'texts.view')}
              </a>
            )}
          </Cell>
        );
      })}
    </tr>
  );
}

/** One language's text with what is worth knowing: missing, outdated, changed. */
export function TextCellView({
  ctx,
  lang,
  cell,
}: {
  ctx: PageContext;
  lang: string;
  cell: TextCell;
}) {
  const marks = [
    (cell.status === 'missing' || cell.status === 'outdated') && (
      <span class={`status status-${cell.status}`}>
        {ctx.render({ key: `texts.status.${cell.status}`, params: {} })}
      </span>
    ),
    cell.overridden && <span class="status status-changed">{ctx.t('texts.changed')}</span>,
  ].filter(Boolean);
  return (
    <>
      {cell.text !== null ? (
        <LanguageText lang={lang} block>
          {cell.text}
        </LanguageText>
      ) : (
        cell.status !== 'notUsed' && <p>{ctx.t('texts.noText')}</p>
      )}
      {cell.status === 'notUsed' && (
        <p>
          <small>{ctx.render({ key: 'texts.status.notUsed', params: {} })}</small>
        </p>
      )}
      {marks.length > 0 && <p class="marks">{marks}</p>}
    </>
  );
}
