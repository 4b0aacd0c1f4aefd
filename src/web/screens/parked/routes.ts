/**
 * Parked inbound messages, for coordinators: the list, and trying one (or all) again or
 * putting one aside. The spool does the work (`PrismaInboundSpool`); the process running the
 * channel picks a retried message up on its next sweep. Registered in the coordinator scope.
 */
import type { FastifyReply } from 'fastify';
import type { Child } from 'hono/jsx';
import { Type } from 'typebox';
import { PrismaInboundSpool } from '../../../store/prisma-inbound-spool.js';
import { Notice } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';
import { digits, form, noQuery } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { ParkedList } from './view.js';

/** Most parked messages listed at once; the page says how many more there are. */
const shown = 100;
const emptyForm = form({});

export function registerParkedRoutes(app: WebApp, web: Web): void {
  const { prisma, clock } = web.deps;
  const spool = new PrismaInboundSpool(prisma, clock);

  const list = async (ctx: PageContext, reply: FastifyReply, message?: Child) =>
    web.page(reply, ctx, {
      title: ctx.t('parked.title'),
      section: 'parked',
      body: ParkedList({
        ctx,
        parked: await spool.listParked(shown),
        total: await spool.countParked(),
        now: clock(),
        message,
      }),
    });

  app.get('/parked', { schema: { querystring: noQuery } }, async (request, reply) =>
    list(web.context(request), reply),
  );

  app.post(
    '/parked/retry',
    { schema: { querystring: noQuery, body: emptyForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const count = await spool.retryParked();
      return list(ctx, reply, Notice({ text: ctx.t('parked.retried', { count }) }));
    },
  );

  app.post(
    '/parked/:id/:action',
    {
      schema: {
        params: Type.Object({
          id: digits,
          action: Type.Union([Type.Literal('retry'), Type.Literal('dismiss')]),
        }),
        querystring: noQuery,
        body: emptyForm,
      },
    },
    async (request, reply) => {
      const ctx = web.context(request);
      const { id, action } = request.params;
      const done =
        action === 'retry' ? (await spool.retryParked([id])) === 1 : await spool.dismissParked(id);
      if (!done) return web.refuse(reply, ctx, 404, 'notFound');
      const key = action === 'retry' ? 'parked.retried' : 'parked.dismissed';
      return list(ctx, reply, Notice({ text: ctx.t(key, { count: 1 }) }));
    },
  );
}
