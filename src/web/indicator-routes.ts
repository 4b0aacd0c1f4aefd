/**
 * The indicator page: the Movisie subgoals per wijk and period, the counts the evaluation
 * tracks, and the participation ladder before and after per cohort as a chart. Each table
 * downloads as CSV. Only counts and means: nothing here names a resident, so every staff
 * member may look at every wijk.
 */
import type { FastifyInstance } from 'fastify';
import {
  computeIndicators,
  type IndicatorFilter,
  type Indicators,
} from '../monitoring/indicators.js';
import { html, type Html } from './html.js';
import { ladderChart } from './ladder-chart.js';
import type { PageContext } from './page-context.js';
import { toCsv } from './to-csv.js';
import { wijkNames } from './wijk-names.js';
import type { Web } from './web-server.js';

const tables = ['subgoals', 'counts', 'ladder'] as const;
type Table = (typeof tables)[number];
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filter from the query; by default the last twelve months. */
function readFilter(
  query: Record<string, string | undefined>,
  now: Date,
  wijken: Map<string, string>,
): IndicatorFilter {
  const thisMonth = now.toISOString().slice(0, 7);
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))
    .toISOString()
    .slice(0, 7);
  const from = monthPattern.test(query['from'] ?? '') ? query['from']! : yearAgo;
  const to = monthPattern.test(query['to'] ?? '') ? query['to']! : thisMonth;
  const wijk = query['wijk'] && wijken.has(query['wijk']) ? query['wijk'] : null;
  return from <= to ? { wijk, from, to } : { wijk, from: to, to: from };
}

/** A table as header and rows, in the staff member's language: shown and exported alike. */
function tableOf(ctx: PageContext, indicators: Indicators, table: Table) {
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
  switch (table) {
    case 'subgoals':
      return {
        header: ['subgoal', 'indicator', 'n', 'mean', 'percent'].map((c) =>
          ctx.t(`indicators.columns.${c}`),
        ),
        rows: indicators.subgoals.map((r) => [
          ctx.t(`indicators.subgoals.${r.subgoal}`),
          r.indicator ? ctx.t(`indicators.items.${r.indicator}`) : ctx.t('indicators.noData'),
          r.n,
          r.mean,
          percent(r.share),
        ]),
      };
    case 'counts':
      return {
        header: ['what', 'count'].map((c) => ctx.t(`indicators.columns.${c}`)),
        rows: indicators.counts.map((r) => [ctx.t(`indicators.counts.${r.metric}`), r.count]),
      };
    case 'ladder':
      return {
        header: ['cohort', 'training', 'n', 'before', 'after'].map((c) =>
          ctx.t(`indicators.columns.${c}`),
        ),
        rows: indicators.ladder.map((r) => [
          r.cohort,
          ctx.t(`indicators.trainings.${r.training}`),
          r.n,
          r.before,
          r.after,
        ]),
      };
  }
}

export function registerIndicatorRoutes(app: FastifyInstance, web: Web): void {
  const { prisma, clock } = web.deps;

  app.get('/indicators', async (request, reply) => {
    const ctx = web.context(request);
    const wijken = await wijkNames(prisma);
    const filter = readFilter(request.query as Record<string, string>, clock(), wijken);
    const indicators = await computeIndicators(web.deps.store, filter);
    const query = new URLSearchParams({
      from: filter.from,
      to: filter.to,
      ...(filter.wijk ? { wijk: filter.wijk } : {}),
    });
    const number = new Intl.NumberFormat(ctx.language, { maximumFractionDigits: 1 });
    const show = (table: Table, before?: Html) => {
      const { header, rows } = tableOf(ctx, indicators, table);
      const numeric = (i: number) =>
        (table === 'subgoals' && i >= 2) ||
        (table === 'counts' && i === 1) ||
        (table === 'ladder' && i >= 2);
      return html`<section aria-labelledby="t-${table}">
        <h2 id="t-${table}">${ctx.t(`indicators.tables.${table}`)}</h2>
        ${before}
        <table class="responsive" id="table-${table}">
          <thead>
            <tr>
              ${header.map((h, i) => html`<th${numeric(i) ? html` class="num"` : ''}>${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell, i) => html`<td data-label="${header[i]}" ${numeric(i) ? html` class="num"` : ''}>${typeof cell === 'number' ? number.format(cell) : (cell ?? '–')}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
        <p>
          <a
            class="button secondary"
            href="/indicators.csv?table=${table}&amp;${query.toString()}"
            download
            >${ctx.t('indicators.download')}</a
          >
        </p>
      </section>`;
    };
    const body = html`<form method="get" action="/indicators" class="filters inline">
        <div>
          <label for="wijk">${ctx.t('filters.wijk')}</label>
          <select id="wijk" name="wijk">
            <option value="">${ctx.t('filters.allWijken')}</option>
            ${[...wijken].map(([id, name]) => html`<option value="${id}" ${id === filter.wijk ? html` selected` : ''}>${name}</option>`)}
          </select>
        </div>
        <div>
          <label for="from">${ctx.t('filters.from')}</label
          ><input id="from" name="from" type="month" value="${filter.from}" />
        </div>
        <div>
          <label for="to">${ctx.t('filters.to')}</label
          ><input id="to" name="to" type="month" value="${filter.to}" />
        </div>
        <button type="submit">${ctx.t('filters.show')}</button>
      </form>
      <p>${ctx.t('indicators.explain')}</p>
      ${show('subgoals')} ${show('counts')}
      ${show(
        'ladder',
        indicators.ladder.length === 0
          ? html`<p class="notice">${ctx.t('indicators.noLadder')}</p>`
          : ladderChart(indicators.ladder, {
              title: ctx.t('indicators.chartTitle'),
              before: ctx.t('indicators.columns.before'),
              after: ctx.t('indicators.columns.after'),
            }),
      )}`;
    return web.page(reply, ctx, ctx.t('indicators.title'), body, 'indicators');
  });

  app.get('/indicators.csv', async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as Record<string, string>;
    const table = tables.find((t) => t === query['table']);
    if (!table) return web.refuse(reply, ctx, 404, 'notFound');
    const filter = readFilter(query, clock(), await wijkNames(prisma));
    const { header, rows } = tableOf(ctx, await computeIndicators(web.deps.store, filter), table);
    const name = `bloei-${table}-${filter.wijk ?? 'eindhoven'}-${filter.from}-${filter.to}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send('\uFEFF' + toCsv(header, rows));
  });
}
