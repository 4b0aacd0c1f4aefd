/**
 * Signing in and out. Each attempt is counted before the password is checked (see
 * login-limiter.ts); after signing in the browser goes back to where it was sent from, if
 * that is a page of this site.
 */
import { Type } from 'typebox';
import { authenticateStaff } from '../../../staff/staff-auth.js';
import { LoginLimiter } from '../../login-limiter.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, query } from '../../request-schema.js';
import { safeNext } from '../../safe-next.js';
import { sessionCookie, type Web, type WebApp } from '../../web.js';
import { LoginView } from './view.js';

const loginQuery = query({ next: Type.Optional(line(2000)) });
const loginForm = form({
  login: Type.Optional(line(200)),
  password: Type.Optional(line(500)),
  next: Type.Optional(line(2000)),
});

export function registerLoginRoutes(app: WebApp, web: Web): void {
  const limiter = new LoginLimiter(web.deps.prisma, web.deps.loginLimits);
  const page = (ctx: PageContext, next: string, problem?: string) => ({
    title: ctx.t('login.title'),
    section: 'login' as const,
    body: LoginView({ ctx, next, ...(problem ? { problem } : {}) }),
  });

  app.get('/login', { schema: { querystring: loginQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    return web.page(reply, ctx, page(ctx, safeNext(request.query.next)));
  });

  app.post(
    '/login',
    { schema: { querystring: noQuery, body: loginForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { login = '', password = '' } = request.body;
      const next = safeNext(request.body.next);
      const attempt = await limiter.attempt(login, request.ip);
      if (!attempt.allowed) {
        reply.code(429).header('retry-after', String(attempt.retryAfterSeconds));
        return web.page(reply, ctx, page(ctx, next, ctx.t('login.tooMany')));
      }
      const staff = await authenticateStaff(web.deps.store, login, password);
      if (!staff) return web.page(reply.code(401), ctx, page(ctx, next, ctx.t('login.wrong')));
      await limiter.succeeded(login, request.ip);
      const token = await web.sessions.open(staff.id);
      return reply
        .setCookie(sessionCookie, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: web.deps.secureCookies,
          maxAge: 12 * 3600,
        })
        .redirect(next, 303);
    },
  );
}

export function registerLogoutRoute(app: WebApp, web: Web): void {
  app.post(
    '/logout',
    { schema: { querystring: noQuery, body: form({}) } },
    async (request, reply) => {
      await web.sessions.close(request.cookies[sessionCookie]);
      return reply.clearCookie(sessionCookie, { path: '/' }).redirect('/login', 303);
    },
  );
}
