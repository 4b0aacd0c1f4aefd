/**
 * The schedule, for coordinators: what Bloei will send and when, filtered by days in
 * Amsterdam and kind, like `schedule list`. Read-only. Registered in the coordinator scope.
 */
import { Type } from 'typebox';
import { dayBoundary, InvalidScheduleDateError } from '../../../schedule/schedule-line.js';
import { findWijken } from '../../../store/finders/admin-finder.js';
import { findSchedule } from '../../../store/finders/schedule-finder.js';
import { Problem } from '../../components/notices.js';
import { line, query } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { ScheduleList } from './view.js';

const filterQuery = query({
  from: Type.Optional(line(10)),
  to: Type.Optional(line(10)),
  kind: Type.Optional(line(40)),
});

export function registerScheduleRoutes(app: WebApp, web: Web): void {
  const { prisma } = web.deps;

  app.get('/schedule', { schema: { querystring: filterQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const filter = {
      from: request.query.from ?? '',
      to: request.query.to ?? '',
      kind: request.query.kind ?? '',
    };
    const wijken = new Map((await findWijken(prisma)).map((w) => [w.id, w.name]));
    const page = (items: Awaited<ReturnType<typeof findSchedule>>, problem?: boolean) =>
      web.page(problem ? reply.code(400) : reply, ctx, {
        title: ctx.t('schedule.title'),
        section: 'schedule',
        body: ScheduleList({
          ctx,
          items,
          filter,
          wijken,
          message: problem ? Problem({ text: ctx.t('schedule.badDate') }) : undefined,
        }),
      });
    try {
      const items = await findSchedule(prisma, {
        ...(filter.from ? { from: dayBoundary(filter.from) } : {}),
        ...(filter.to ? { to: dayBoundary(filter.to, true) } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
      });
      return await page(items);
    } catch (error) {
      if (!(error instanceof InvalidScheduleDateError)) throw error;
      return page([], true);
    }
  });
}
