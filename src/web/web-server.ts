/**
 * The staff web app: a small server-rendered Fastify app for verbinders and coordinators.
 * Every route is registered in a scope that says who may reach it (public, staff,
 * coordinator); one hook decides on the matched route, before anything else runs, and sends
 * anonymous visitors to the login page. Every form carries the session's CSRF token; cookies
 * are HttpOnly, SameSite=Lax and Secure unless switched off for plain-http development;
 * security headers come from @fastify/helmet.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger, Translator } from '../conversations/ports.js';
import type { ResidentNotices } from '../handoff/resident-notices.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { JobQueues } from '../jobs/job-queues.js';
import type { PrismaClient } from '../store/prisma-client.js';
import { bloeiCss } from './bloei-css.js';
import { passesCsrfCheck } from './csrf-check.js';
import { frameworkErrorPage, registerErrorHandler, type ErrorPages } from './error-handler.js';
import { html, type Html } from './html.js';
import { layout, type Section } from './layout.js';
import type { LoginLimits } from './login-limiter.js';
import { pageContext, type PageContext } from './page-context.js';
import { noQuery } from './request-schema.js';
import {
  accessScope,
  decideAccess,
  trackRouteAccess,
  type Access,
  type RouteEntry,
} from './route-access.js';
import { helmetOptions } from './security-headers.js';
import { StaffSessions, type StaffSession } from './staff-sessions.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerInboxRoutes } from './inbox-routes.js';
import { registerIndicatorRoutes } from './indicator-routes.js';
import { registerLoginRoutes, registerLogoutRoute } from './login-routes.js';
import { registerMatchRoutes } from './match-routes.js';
import { registerQueueBoard } from './queue-board.js';
import { registerTalentRoutes } from './talent-routes.js';

export interface WebDeps {
  prisma: PrismaClient;
  translator: Translator;
  flows: FlowRegistry;
  /** Tells residents when a verbinder claims or closes their hand-off. */
  notices: ResidentNotices;
  logger: Logger;
  clock: () => Date;
  /** For the queue dashboard; null hides it. */
  jobs: JobQueues | null;
  defaultLanguage: string;
  /** False only for plain-http development on one's own machine. */
  secureCookies: boolean;
  /** Fastify's `trustProxy` (`WEB_TRUST_PROXY`): whose `X-Forwarded-For` to believe. */
  trustProxy?: boolean | number | string[];
  /** Sign-in limits; the defaults suit production. */
  loginLimits?: LoginLimits;
}

/** The server with TypeBox schemas typing each route's query, params and body. */
export type WebApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Web {
  deps: WebDeps;
  sessions: StaffSessions;
  /** The page context of a request: the signed-in staff member's language and CSRF token. */
  context(request: FastifyRequest): PageContext;
  /** Sends a full page. */
  page(
    reply: FastifyReply,
    ctx: PageContext,
    title: string,
    body: Html,
    section?: Section,
  ): FastifyReply;
  /** A short page saying why not (403, 404, 400). */
  refuse(reply: FastifyReply, ctx: PageContext, status: number, key: string): FastifyReply;
}

export const sessionCookie = 'bloei_session';

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
  const sessions = new StaffSessions(deps.prisma, deps.clock);
  const web: Web = {
    deps,
    sessions,
    context: (request) => pageContext(deps.translator, request.session, deps.defaultLanguage),
    page: (reply, ctx, title, body, section) =>
      reply
        .type('text/html; charset=utf-8')
        .send(layout(ctx, title, body, section, { queues: deps.jobs !== null }).value),
    refuse: (reply, ctx, status, key) =>
      web.page(
        reply.code(status),
        ctx,
        ctx.t(`errors.${key}.title`),
        html`<p>${ctx.t(`errors.${key}.body`)}</p>
          <p><a href="/inbox">${ctx.t('errors.back')}</a></p>`,
      ),
  };
  const pages: ErrorPages = {
    refuse: (request, reply, status, key) => web.refuse(reply, web.context(request), status, key),
    failed: (request, reply) => {
      const ctx = web.context(request);
      return web.page(
        reply.code(500),
        ctx,
        ctx.t('errors.failed.title'),
        html`<p>${ctx.t('errors.failed.body', { id: request.id })}</p>
          <p><a href="/inbox">${ctx.t('errors.back')}</a></p>`,
      );
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
    request.session = await sessions.find(request.cookies[sessionCookie]);
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

  await app.register(
    accessScope('public', (scope) => {
      const s = scope.withTypeProvider<TypeBoxTypeProvider>();
      s.get('/healthz', { schema: { querystring: noQuery } }, async (_request, reply) => {
        try {
          await deps.prisma.$queryRaw`SELECT 1`;
          return { status: 'ok' };
        } catch {
          return reply.code(503).send({ status: 'unavailable' });
        }
      });
      s.get('/bloei.css', { schema: { querystring: noQuery } }, async (_request, reply) =>
        reply.type('text/css').header('cache-control', 'public, max-age=3600').send(bloeiCss),
      );
      registerLoginRoutes(s, web);
    }),
  );
  await app.register(
    accessScope('staff', (scope) => {
      const s = scope.withTypeProvider<TypeBoxTypeProvider>();
      s.get('/', { schema: { querystring: noQuery } }, async (_request, reply) =>
        reply.redirect('/inbox', 303),
      );
      registerLogoutRoute(s, web);
      registerInboxRoutes(s, web);
      registerMatchRoutes(s, web);
      registerTalentRoutes(s, web);
      registerIndicatorRoutes(s, web);
    }),
  );
  await app.register(
    accessScope('coordinator', async (scope) => {
      const s = scope.withTypeProvider<TypeBoxTypeProvider>();
      registerAdminRoutes(s, web);
      await registerQueueBoard(s, web);
    }),
  );

  app.setNotFoundHandler((request, reply) => pages.refuse(request, reply, 404, 'notFound'));
  return app;
}
