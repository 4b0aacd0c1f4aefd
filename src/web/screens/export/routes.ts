/**
 * Exports for the registration system (Wijs): a page to choose the period and wijk, and a CSV
 * per kind of record at `/export/<kind>.csv`. Every export is logged (who, what, filters, rows,
 * when) before the file leaves; a coordinator reads that log at `/export/log`.
 */
import { exportKinds } from '../../../store/finders/export-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { pageContext } from '../../page-context.js';
import { noQuery } from '../../request-schema.js';
import { toCsv } from '../../to-csv.js';
import type { Web, WebApp } from '../../web.js';
import { exportDefinitions } from './export-columns.js';
import { exportQuery, readExportFilter } from './export-filter.js';
import { registrationLanguage } from './registration.js';
import { ExportLogPage, ExportPage } from './view.js';

export function registerExportRoutes(app: WebApp, web: Web): void {
  const { prisma, store, clock, translator, flows } = web.deps;

  app.get('/export', { schema: { querystring: exportQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const wijken = await findWijkNames(prisma);
    const reading = readExportFilter(request.query, ctx.staff!, wijken, clock());
    if (!reading.ok) return web.refuse(reply, ctx, reading.status, reading.key);
    return web.page(reply, ctx, {
      title: ctx.t('exports.title'),
      section: 'exports',
      body: ExportPage({ ctx, filter: reading.applied, wijken }),
    });
  });

  for (const kind of exportKinds) {
    app.get(
      `/export/${kind}.csv`,
      { schema: { querystring: exportQuery } },
      async (request, reply) => {
        const ctx = web.context(request);
        const staff = ctx.staff!;
        const wijken = await findWijkNames(prisma);
        const reading = readExportFilter(request.query, staff, wijken, clock());
        if (!reading.ok) return web.refuse(reply, ctx, reading.status, reading.key);
        const words = {
          ctx: pageContext(translator, null, registrationLanguage),
          translator,
          flows,
          wijken,
        };
        const { header, rows } = await exportDefinitions[kind].table(prisma, reading.filter, words);
        const { from, to, wijk } = reading.applied;
        await store.exportLog.record({
          staffId: staff.id,
          staffName: staff.name,
          kind,
          filters: reading.applied,
          rowCount: rows.length,
          at: clock(),
        });
        const name = `bloei-${kind}-${wijk ?? 'eindhoven'}-${from}-${to}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          .send(toCsv(header, rows));
      },
    );
  }
}

export function registerExportLogRoutes(app: WebApp, web: Web): void {
  const { prisma, store } = web.deps;

  app.get('/export/log', { schema: { querystring: noQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    return web.page(reply, ctx, {
      title: ctx.t('exports.log.title'),
      section: 'exports',
      body: ExportLogPage({
        ctx,
        entries: await store.exportLog.recent(),
        wijken: await findWijkNames(prisma),
      }),
    });
  });
}
