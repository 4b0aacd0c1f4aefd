/**
 * The exports for the registration system: a period and a wijk, and a download per kind of
 * record; and, for coordinators, the log of who exported what, for the privacy officer.
 */
import { DateTime } from 'luxon';
import { exportKinds } from '../../../store/finders/export-finder.js';
import type { ExportLogItem } from '../../../store/export-log-repository.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { WijkSelect } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';
import { registrationZone } from './registration.js';
import type { AppliedFilter } from './export-filter.js';

export interface ExportPageProps {
  ctx: PageContext;
  filter: AppliedFilter;
  wijken: ReadonlyMap<string, string>;
}

export function ExportPage({ ctx, filter, wijken }: ExportPageProps) {
  const coordinator = ctx.staff?.role === 'coordinator';
  const query = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.wijk && coordinator ? { wijk: filter.wijk } : {}),
  }).toString();
  const wijkName = filter.wijk ? (wijken.get(filter.wijk) ?? filter.wijk) : null;
  return (
    <>
      <p>{ctx.t('exports.explain')}</p>
      <form method="get" action="/export" class="filters inline">
        <div>
          <label for="from">{ctx.t('exports.from')}</label>
          <input id="from" name="from" type="date" value={filter.from} />
        </div>
        <div>
          <label for="to">{ctx.t('exports.to')}</label>
          <input id="to" name="to" type="date" value={filter.to} />
        </div>
        {coordinator && (
          <div>
            <WijkSelect
              label={ctx.t('filters.wijk')}
              allText={ctx.t('filters.allWijken')}
              wijken={wijken}
              selected={filter.wijk}
            />
          </div>
        )}
        <button type="submit">{ctx.t('filters.show')}</button>
      </form>
      {!coordinator && wijkName && <p>{ctx.t('exports.ownWijk', { wijk: wijkName })}</p>}
      <h2>{ctx.t('exports.downloads')}</h2>
      <ul class="downloads">
        {exportKinds.map((kind) => (
          <li class="card">
            <h3>{ctx.t(`exports.kinds.${kind}.title`)}</h3>
            <p>{ctx.t(`exports.kinds.${kind}.explain`)}</p>
            <a class="button" href={`/export/${kind}.csv?${query}`} download>
              {ctx.t('exports.download', { kind: ctx.t(`exports.kinds.${kind}.title`) })}
            </a>
          </li>
        ))}
      </ul>
      <p>{ctx.t('exports.logged')}</p>
      {coordinator && (
        <p>
          <a href="/export/log">{ctx.t('exports.logLink')}</a>
        </p>
      )}
    </>
  );
}

export interface ExportLogPageProps {
  ctx: PageContext;
  entries: readonly ExportLogItem[];
  wijken: ReadonlyMap<string, string>;
}

export function ExportLogPage({ ctx, entries, wijken }: ExportLogPageProps) {
  const columns = ['at', 'who', 'kind', 'filters', 'rows'].map((c) => ({
    label: ctx.t(`exports.log.${c}`),
    numeric: c === 'rows',
  }));
  const day = (iso: string) =>
    DateTime.fromISO(iso).setLocale(ctx.language).toLocaleString(DateTime.DATE_MED);
  return (
    <>
      <p>{ctx.t('exports.log.explain')}</p>
      {entries.length === 0 ? (
        <p class="notice">{ctx.t('exports.log.empty')}</p>
      ) : (
        <DataTable id="export-log" columns={columns}>
          {entries.map((e) => (
            <tr>
              <Cell label={columns[0]!.label}>
                <time datetime={e.at.toISOString()}>
                  {DateTime.fromJSDate(e.at, { zone: registrationZone })
                    .setLocale(ctx.language)
                    .toLocaleString(DateTime.DATETIME_MED)}
                </time>
              </Cell>
              <Cell label={columns[1]!.label}>{e.staffName}</Cell>
              <Cell label={columns[2]!.label}>
                {(exportKinds as readonly string[]).includes(e.kind)
                  ? ctx.t(`exports.kinds.${e.kind}.title`)
                  : e.kind}
              </Cell>
              <Cell label={columns[3]!.label}>
                {ctx.t('exports.log.filterText', {
                  from: day(e.filters.from),
                  to: day(e.filters.to),
                  wijk: e.filters.wijk
                    ? (wijken.get(e.filters.wijk) ?? e.filters.wijk)
                    : ctx.t('filters.allWijken'),
                })}
              </Cell>
              <Cell label={columns[4]!.label} numeric>
                {e.rowCount}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
