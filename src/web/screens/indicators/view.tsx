/**
 * The indicator page: the Movisie subgoals per wijk and period, the counts the evaluation
 * tracks, and the participation ladder before and after per cohort as a chart. Each table
 * downloads as CSV.
 */
import type { Child } from 'hono/jsx';
import type { IndicatorFilter, Indicators } from '../../../monitoring/indicators.js';
import { Cell, DataTable } from '../../components/data-table.js';
import { WijkSelect } from '../../components/forms.js';
import { LadderChart } from '../../components/ladder-chart.js';
import type { PageContext } from '../../page-context.js';
import { tableOf, type Table } from './indicator-tables.js';

export interface IndicatorPageProps {
  ctx: PageContext;
  indicators: Indicators;
  filter: IndicatorFilter;
  wijken: ReadonlyMap<string, string>;
}

export function IndicatorPage({ ctx, indicators, filter, wijken }: IndicatorPageProps) {
  const number = new Intl.NumberFormat(ctx.language, { maximumFractionDigits: 1 });
  const query = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.wijk ? { wijk: filter.wijk } : {}),
  });
  const Section = ({ table, before }: { table: Table; before?: Child }) => {
    const { header, rows, numeric } = tableOf(ctx, indicators, table);
    return (
      <section aria-labelledby={`t-${table}`}>
        <h2 id={`t-${table}`}>{ctx.t(`indicators.tables.${table}`)}</h2>
        {before}
        <DataTable
          id={`table-${table}`}
          columns={header.map((label, i) => ({ label, numeric: numeric(i) }))}
        >
          {rows.map((row) => (
            <tr>
              {row.map((cell, i) => (
                <Cell label={header[i]!} numeric={numeric(i)}>
                  {typeof cell === 'number' ? number.format(cell) : (cell ?? '–')}
                </Cell>
              ))}
            </tr>
          ))}
        </DataTable>
        <p>
          <a
            class="button secondary"
            href={`/indicators.csv?table=${table}&${query.toString()}`}
            download
          >
            {ctx.t('indicators.download')}
          </a>
        </p>
      </section>
    );
  };
  return (
    <>
      <form method="get" action="/indicators" class="filters inline">
        <div>
          <WijkSelect
            label={ctx.t('filters.wijk')}
            allText={ctx.t('filters.allWijken')}
            wijken={wijken}
            selected={filter.wijk}
          />
        </div>
        <div>
          <label for="from">{ctx.t('filters.from')}</label>
          <input id="from" name="from" type="month" value={filter.from} />
        </div>
        <div>
          <label for="to">{ctx.t('filters.to')}</label>
          <input id="to" name="to" type="month" value={filter.to} />
        </div>
        <button type="submit">{ctx.t('filters.show')}</button>
      </form>
      <p>{ctx.t('indicators.explain')}</p>
      <Section table="subgoals" />
      <Section table="counts" />
      <Section
        table="ladder"
        before={
          indicators.ladder.length === 0 ? (
            <p class="notice">{ctx.t('indicators.noLadder')}</p>
          ) : (
            <LadderChart
              rows={indicators.ladder}
              labels={{
                title: ctx.t('indicators.chartTitle'),
                before: ctx.t('indicators.columns.before'),
                after: ctx.t('indicators.columns.after'),
              }}
            />
          )
        }
      />
    </>
  );
}
