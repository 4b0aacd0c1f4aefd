/**
 * Indicators and their CSV downloads. Only counts and means: nothing here names a resident,
 * so every staff member may look at every wijk.
 */
import { Type } from 'typebox';
import { findIndicators } from '../../../store/finders/indicators-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { line, query } from '../../request-schema.js';
import { toCsv } from '../../to-csv.js';
import type { Web, WebApp } from '../../web.js';
import { readFilter, tableOf, tables } from './indicator-tables.js';
import { IndicatorPage } from './view.js';

const filterQuery = query({
  wijk: Type.Optional(line(64)),
  from: Type.Optional(line(7)),
  to: Type.Optional(line(7)),
  table: Type.Optional(line(20)),
});

export function registerIndicatorRoutes(app: WebApp, web: Web): void {
  const { prisma, clock } = web.deps;

  app.get('/indicators', { schema: { querystring: filterQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const wijken = await findWijkNames(prisma);
    const filter = readFilter(request.query, clock(), wijken);
    return web.page(reply, ctx, {
      title: ctx.t('indicators.title'),
      section: 'indicators',
      body: IndicatorPage({
        ctx,
        indicators: await findIndicators(prisma, filter),
        filter,
        wijken,
      }),
    });
  });

  app.get('/indicators.csv', { schema: { querystring: filterQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const table = tables.find((t) => t === request.query.table);
    if (!table) return web.refuse(reply, ctx, 404, 'notFound');
    const filter = readFilter(request.query, clock(), await findWijkNames(prisma));
    const { header, rows } = tableOf(ctx, await findIndicators(prisma, filter), table);
    const name = `bloei-${table}-${filter.wijk ?? 'eindhoven'}-${filter.from}-${filter.to}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send('\uFEFF' + toCsv(header, rows));
  });
}
