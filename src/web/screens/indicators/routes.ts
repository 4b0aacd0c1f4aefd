/**
 * Indicators and their CSV downloads. Only counts, shares and means: nothing here names a
 * resident, so every staff member may look at every wijk.
 */
import { Type } from 'typebox';
import { indicatorSubgoals } from '../../../flows/spec.js';
import type { IndicatorFilter } from '../../../monitoring/indicators.js';
import { findActivity } from '../../../store/finders/activity-finder.js';
import { findAgreement } from '../../../store/finders/agreement-finder.js';
import { findFunnels } from '../../../store/finders/funnel-finder.js';
import { findIndicators } from '../../../store/finders/indicators-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { PrismaOfferRepository } from '../../../store/offer-repository.js';
import type { PageContext } from '../../page-context.js';
import { line, query } from '../../request-schema.js';
import { toCsv } from '../../to-csv.js';
import type { Web, WebApp, WebDeps } from '../../web.js';
import { funnelQuestionnaires, funnelViews } from './funnel-view.js';
import { activityTrend, agreementTrend, wijkComparison } from './indicator-series.js';
import { readFilter, tableOf, tables, type IndicatorData } from './indicator-tables.js';
import { kaartFigures } from './kaart-figures.js';
import { IndicatorPage } from './view.js';

const filterQuery = query({
  wijk: Type.Optional(line(64)),
  from: Type.Optional(line(7)),
  to: Type.Optional(line(7)),
  table: Type.Optional(line(20)),
});

/** Everything the page shows for `filter`; the wijken side by side always show every wijk. */
async function loadIndicators(
  deps: WebDeps,
  ctx: PageContext,
  filter: IndicatorFilter,
  wijken: ReadonlyMap<string, string>,
): Promise<IndicatorData> {
  const { prisma, translator, flows } = deps;
  const [indicators, activity, agreement, funnels] = await Promise.all([
    findIndicators(prisma, filter),
    findActivity(prisma, filter),
    findAgreement(prisma, filter),
    findFunnels(prisma, funnelQuestionnaires(flows), filter),
  ]);
  return {
    indicators,
    trend: activityTrend(activity, filter),
    agreement: agreementTrend(agreement, filter, indicatorSubgoals),
    wijken: wijkComparison(activity, wijken),
    funnels: funnelViews(ctx, translator, flows, funnels),
  };
}

export function registerIndicatorRoutes(app: WebApp, web: Web): void {
  const { prisma, clock } = web.deps;
  const offers = new PrismaOfferRepository(prisma);

  app.get('/indicators', { schema: { querystring: filterQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const wijken = await findWijkNames(prisma);
    const filter = readFilter(request.query, clock(), wijken);
    const range = {
      from: filter.from,
      to: filter.to,
      ...(filter.wijk ? { wijken: [filter.wijk] } : {}),
    };
    const [kaart, choices, matches] = await Promise.all([
      offers.listOffers(),
      offers.offerChoiceTotals(range),
      offers.offerMatchTotals(range),
    ]);
    return web.page(reply, ctx, {
      title: ctx.t('indicators.title'),
      section: 'indicators',
      body: IndicatorPage({
        ctx,
        data: await loadIndicators(web.deps, ctx, filter, wijken),
        filter,
        wijken,
        kaart: kaartFigures(kaart, [...choices, ...matches], clock()),
      }),
    });
  });

  app.get('/indicators.csv', { schema: { querystring: filterQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const table = tables.find((t) => t === request.query.table);
    if (!table) return web.refuse(reply, ctx, 404, 'notFound');
    const wijken = await findWijkNames(prisma);
    const filter = readFilter(request.query, clock(), wijken);
    const data = await loadIndicators(web.deps, ctx, filter, wijken);
    const { header, rows } = tableOf(ctx, data, table, wijken);
    const name = `bloei-${table}-${filter.wijk ?? 'eindhoven'}-${filter.from}-${filter.to}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(toCsv(header, rows));
  });
}
