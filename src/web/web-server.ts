/**
 * The staff web app: a small server-rendered Fastify app for verbinders and coordinators.
 * Every page with personal data needs a signed-in session (anonymous requests are sent to
 * the login page); every form carries the session's CSRF token; cookies are HttpOnly,
 * SameSite=Lax and Secure unless switched off for plain-http development.
 */
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger, Translator } from '../conversations/ports.js';
import type { HandoffActions } from '../handoff/handoff-actions.js';
import type { Store } from '../store/store.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { JobQueues } from '../jobs/job-queues.js';
import type { PrismaClient } from '../store/prisma-client.js';
import { bloeiCss } from './bloei-css.js';
import { html, type Html } from './html.js';
import { layout, type Section } from './layout.js';
import { pageContext, type PageContext } from './page-context.js';
import { StaffSessions, type StaffSession } from './staff-sessions.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerInboxRoutes } from './inbox-routes.js';
import { registerIndicatorRoutes } from './indicator-routes.js';
import { registerLoginRoutes } from './login-routes.js';
import { registerMatchRoutes } from './match-routes.js';
import { registerQueueBoard } from './queue-board.js';
import { registerTalentRoutes } from './talent-routes.js';

export interface WebDeps {
  prisma: PrismaClient;
  /** The repositories: what the dashboard changes goes through them. */
  store: Store;
  translator: Translator;
  flows: FlowRegistry;
  /** Tells residents when a verbinder claims or closes their hand-off. */
  handoffActions: HandoffActions;
  logger: Logger;
  clock: () => Date;
  /** For the queue dashboard; null hides it. */
  jobs: JobQueues | null;
  defaultLanguage: string;
  /** False only for plain-http development on one's own machine. */
  secureCookies: boolean;
}

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
  refuse(reply: FastifyReply, ctx: PageContext, status: 400 | 403 | 404, key: string): FastifyReply;
}

export const sessionCookie = 'bloei_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: StaffSession | null;
  }
}

/** Reachable without signing in: nothing personal. */
const publicPaths = new Set(['/login', '/healthz', '/bloei.css']);
const coordinatorOnly = (path: string) => /^\/(admin|queues)(\/|$)/.test(path);

const csp = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length || expected === '') {
    return false;
  }
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export async function createWebServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  const sessions = new StaffSessions(deps.prisma, deps.clock);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
  app.decorateRequest('session', null);

  const web: Web = {
    deps,
    sessions,
    context: (request) => pageContext(deps.translator, request.session, deps.defaultLanguage),
    page: (reply, ctx, title, body, section) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', csp)
        .send(layout(ctx, title, body, section).value),
    refuse: (reply, ctx, status, key) =>
      web.page(
        reply.code(status),
        ctx,
        ctx.t(`errors.${key}.title`),
        html`<p>${ctx.t(`errors.${key}.body`)}</p>
          <p><a href="/inbox">${ctx.t('errors.back')}</a></p>`,
      ),
  };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const path = request.url.split('?')[0]!;
    if (publicPaths.has(path)) return;
    request.session = await sessions.find(request.cookies[sessionCookie]);
    if (!request.session) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/login${next}`, 303);
    }
    reply.header('cache-control', 'no-store');
    if (coordinatorOnly(path) && request.session.staff.role !== 'coordinator') {
      return web.refuse(reply, web.context(request), 403, 'forbidden');
    }
  });

  // Forms carry the session's token. The queue dashboard's JSON calls cannot be sent
  // cross-site without a CORS preflight, which this server never allows.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.session) return;
    const path = request.url.split('?')[0]!;
    const json = request.headers['content-type']?.startsWith('application/json');
    if (json && path.startsWith('/queues/')) return;
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown>;
    const given = body?.['_csrf'] ?? query['_csrf'];
    if (!sameToken(given, request.session.csrfToken)) {
      return web.refuse(reply, web.context(request), 403, 'csrf');
    }
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await deps.prisma.$queryRaw`SELECT 1`;
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/bloei.css', async (_request, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(bloeiCss),
  );
  app.get('/', async (_request, reply) => reply.redirect('/inbox', 303));

  registerLoginRoutes(app, web);
  registerInboxRoutes(app, web);
  registerMatchRoutes(app, web);
  registerTalentRoutes(app, web);
  registerIndicatorRoutes(app, web);
  registerAdminRoutes(app, web);
  if (deps.jobs) await registerQueueBoard(app, deps.jobs);

  app.setNotFoundHandler((request, reply) =>
    web.refuse(reply, web.context(request), 404, 'notFound'),
  );
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return web.refuse(reply, web.context(request), 400, 'badRequest');
    deps.logger.error(
      { err: (error as Error).message, path: request.routeOptions.url },
      'web request failed',
    );
    return reply.code(500).type('text/plain').send('Internal error');
  });
  return app;
}
