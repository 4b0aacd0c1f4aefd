/**
 * The staff web app: a small server-rendered Fastify app for verbinders and coordinators.
 * Each screen's routes are registered in a scope that says who may reach them (public,
 * staff, coordinator); one hook decides on the route Fastify matched, before anything else
 * runs, and sends anonymous visitors to the login page. Every form carries the session's
 * CSRF token; cookies are HttpOnly, SameSite=Lax and Secure unless switched off for
 * plain-http development; security headers come from @fastify/helmet.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { StaffSession } from '../staff/staff-sessions.js';
import { Message } from './components/message.js';
import { passesCsrfCheck } from './csrf-check.js';
import { frameworkErrorPage, registerErrorHandler, type ErrorPages } from './error-handler.js';
import {
  accessLevels,
  accessScope,
  decideAccess,
  trackRouteAccess,
  type Access,
  type RouteEntry,
} from './route-access.js';
import { screens } from './screens/index.js';
import { helmetOptions } from './security-headers.js';
import { createWeb, sessionCookie, type WebApp, type WebDeps } from './web.js';

export type { Web, WebApp, WebDeps } from './web.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: StaffSession | null;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access (for audits and the route-walk test). */
    routeTable: readonly RouteEntry[];
  }
}

/** Fastify takes a hop count too, but its types do not say so: a function says the same. */
function trustProxyOption(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export async function createWebServer(deps: WebDeps): Promise<FastifyInstance> {
  const web = createWeb(deps);
  const pages: ErrorPages = {
    refuse: (request, reply, status, key) => web.refuse(reply, web.context(request), status, key),
    failed: (request, reply) => {
      const ctx = web.context(request);
      return web.page(reply.code(500), ctx, {
        title: ctx.t('errors.failed.title'),
        body: Message({
          text: ctx.t('errors.failed.body', { id: request.id }),
          back: ctx.t('errors.back'),
        }),
      });
    },
  };

  const app: WebApp = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
    // Unguessable and never taken from the client: it is what a person quotes from an error page.
    genReqId: () => randomUUID(),
    frameworkErrors: frameworkErrorPage(pages),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('routeTable', trackRouteAccess(app));
  // Before any route: a route keeps the error handler its scope had when it was added.
  registerErrorHandler(app, pages, deps.logger);

  await app.register(fastifyHelmet, helmetOptions);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
  app.decorateRequest('session', null);

  // Authorisation, on the route Fastify matched. An unknown path asks for a sign-in first,
  // so that what exists is not told to strangers.
  app.addHook('onRequest', async (request, reply) => {
    const access: Access | undefined = request.is404 ? 'staff' : request.routeOptions.config.access;
    if (access === 'public') return;
    reply.header('cache-control', 'no-store');
    request.session = await web.sessions.find(request.cookies[sessionCookie]);
    const decision = decideAccess(access, request.session?.staff ?? null);
    if (decision === 'sign-in') {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/login${next}`, 303);
    }
    if (decision === 'forbidden') return pages.refuse(request, reply, 403, 'forbidden');
  });

  // A path that matches no route changes nothing: it gets its 404, token or not.
  app.addHook('preHandler', async (request, reply) => {
    if (request.is404 || !request.session) return;
    if (!passesCsrfCheck(request, request.session.csrfToken)) {
      return pages.refuse(request, reply, 403, 'csrf');
    }
  });

  for (const access of accessLevels) {
    await app.register(
      accessScope(access, async (scope) => {
        const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
        for (const screen of screens.filter((s) => s.access === access)) {
          await screen.register(typed, web);
        }
      }),
    );
  }

  app.setNotFoundHandler((request, reply) => pages.refuse(request, reply, 404, 'notFound'));
  return app;
}
