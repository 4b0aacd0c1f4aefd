/**
 * The BullMQ queues as a dashboard (bull-board) under /queues: waiting, active, failed and
 * completed jobs, with retry. Registered inside the coordinator scope, so each of its routes,
 * the static files included, is for coordinators only. Jobs carry row ids only, never
 * personal data. Without Redis there are no queues: /queues then says so.
 */
import { createBullBoard } from '@bull-board/api';
import { errorResponse } from '@bull-board/api/dist/errors.js';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import { queueNames } from '../../../jobs/queues.js';
import { describeError } from '../../error-handler.js';
import { noQuery } from '../../request-schema.js';
import { queueBoardHelmet } from '../../security-headers.js';
import type { Web, WebApp } from '../../web.js';
import { QueuesUnavailable } from './view.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/helmet reads a route's own options from here. */
    helmet?: typeof queueBoardHelmet;
  }
}

export async function registerQueueBoard(app: WebApp, web: Web): Promise<void> {
  const { jobs, logger } = web.deps;
  if (!jobs) {
    app.get('/queues', { schema: { querystring: noQuery } }, async (request, reply) => {
      const ctx = web.context(request);
      return web.page(reply, ctx, {
        title: ctx.t('queues.title'),
        section: 'queues',
        body: QueuesUnavailable({ ctx }),
      });
    });
    return;
  }
  const adapter = new FastifyAdapter();
  adapter.setBasePath('/queues');
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: adapter,
  });
  // bull-board's own handler answers with the error's message; this one with a status only.
  // A path its static files refuse (`static//x`) is simply not there: 404, as any other.
  adapter.setErrorHandler((error: Error & { statusCode?: number }) => {
    const status = error.statusCode ?? 500;
    const shown = status === 403 ? 404 : ([400, 404, 405, 409] as const).find((s) => s === status);
    return errorResponse(shown ?? 500, 'ERRORS.INTERNAL_SERVER_ERROR');
  });
  await app.register(async (board: FastifyInstance) => {
    board.addHook('onRoute', (route) => {
      route.config = { ...route.config, csrf: 'preflight', helmet: queueBoardHelmet };
    });
    board.addHook('onError', async (request, _reply, error) => {
      if ((error.statusCode ?? 500) >= 500) {
        logger.error(
          {
            reqId: request.id,
            method: request.method,
            route: request.routeOptions.url,
            ...describeError(error),
          },
          'web request failed',
        );
      }
    });
    await board.register(adapter.registerPlugin(), { prefix: '/queues' });
  });
}
