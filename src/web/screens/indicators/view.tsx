/**
 * The indicator page: what happened per month, a chart per Movisie subgoal and agreement over
 * the months, the wijken side by side, where residents stop in each questionnaire, the counts
 * the evaluation tracks, and the participation ladder before and after per cohort. Every chart
 * is SVG drawn on the server, with its numbers in a table under it; every table downloads as
 * CSV for the same filter.
 */
import type { Child } from 'hono/jsx';
import type { IndicatorFilter } from '../../../monitoring/indicators.js';
import { WijkSelect } from '../../components/forms.js';
import { NumbersTable } from '../../components/numbers-table.js';
import type { PageContext } from '../../page-context.js';
import {
  AgreementChart,
  FunnelCharts,
  LadderChart,
  SubgoalCharts,
  TrendChart,
  WijkChart,
} from './indicator-charts.js';
import { monthName, tableOf, type IndicatorData, type Table } from './indicator-tables.js';
import { KaartFigures, type KaartFigureData } from './kaart-figures.js';

export interface IndicatorPageProps {
  ctx: PageContext;
  data: IndicatorData;
  filter: IndicatorFilter;
  wijken: ReadonlyMap<string, string>;
  /** The sociale kaart in figures; left out, the page has no kaart section. */
  kaart?: KaartFigureData;
}

export function IndicatorPage({ ctx, data, filter, wijken, kaart }: IndicatorPageProps) {
  const query = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.wijk ? { wijk: filter.wijk } : {}),
  });
  const Download = ({ table }: { table: Table }) => (
    <p>
      <a
        class="button secondary"
        href={`/indicators.csv?table=${table}&${query.toString()}`}
        download
      >
        {ctx.t('indicators.download')}
      </a>
    </p>
  );
  const Section = ({ id, children }: { id: string; children?: Child }) => (
    <section aria-labelledby={`t-${id}`}>
      <h2 id={`t-${id}`}>{ctx.t(`indicators.tables.${id}`)}</h2>
      {children}
    </section>
  );
  const charts = { ctx, data, wijken };
  const sections = [
    'trend',
    'subgoals',
    'wijken',
    'funnels',
    'counts',
    'ladder',
    ...(kaart ? (['kaart'] as const) : []),
  ] as const;
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
      <p>
        {ctx.t('indicators.period', {
          wijk: filter.wijk ? (wijken.get(filter.wijk) ?? filter.wijk) : ctx.t('filters.allWijken'),
          from: monthName(ctx.language, filter.from),
          to: monthName(ctx.language, filter.to),
        })}{' '}
        {ctx.t('indicators.explain')} {ctx.t('indicators.dontKnowNote')}
      </p>
      <nav aria-label={ctx.t('indicators.contents')}>
        <ul class="inline">
          {sections.map((id) => (
            <li>
              <a href={`#t-${id}`}>{ctx.t(`indicators.tables.${id}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="trend">
        <TrendChart {...charts} />
        <Download table="trend" />
      </Section>
      <Section id="subgoals">
        <SubgoalCharts ctx={ctx} indicators={data.indicators} />
        <h3>{ctx.t('indicators.allSubgoals')}</h3>
        <NumbersTable
          id="table-subgoals"
          table={tableOf(ctx, data, 'subgoals', wijken)}
          language={ctx.language}
        />
        <Download table="subgoals" />
        <h3>{ctx.t('indicators.tables.agreement')}</h3>
        <AgreementChart {...charts} />
        <Download table="agreement" />
      </Section>
      <Section id="wijken">
        <p>{ctx.t('indicators.wijkenExplain')}</p>
        <WijkChart {...charts} />
        <Download table="wijken" />
      </Section>
      <Section id="funnels">
        <p>{ctx.t('indicators.funnel.explain')}</p>
        <FunnelCharts ctx={ctx} funnels={data.funnels} />
        <Download table="funnels" />
      </Section>
      <Section id="counts">
        <NumbersTable
          id="table-counts"
          table={tableOf(ctx, data, 'counts', wijken)}
          language={ctx.language}
        />
        <Download table="counts" />
      </Section>
      <Section id="ladder">
        {data.indicators.ladder.length === 0 ? (
          <p class="notice">{ctx.t('indicators.noLadder')}</p>
        ) : (
          <LadderChart {...charts} />
        )}
        <Download table="ladder" />
      </Section>
      {kaart && (
        <Section id="kaart">
          <KaartFigures ctx={ctx} figures={kaart} wijken={wijken} />
        </Section>
      )}
    </>
  );
}
