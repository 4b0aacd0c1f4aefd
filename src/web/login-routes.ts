/**
 * Signing in and out. Each attempt is counted before the password is checked (see
 * login-limiter.ts); after a successful sign-in the browser goes back to where it was sent
 * from, if that is a page of this site.
 */
import { Type } from 'typebox';
import { authenticateStaff } from '../staff/staff-auth.js';
import { html } from './html.js';
import { LoginLimiter } from './login-limiter.js';
import type { PageContext } from './page-context.js';
import { form, line, noQuery, query } from './request-schema.js';
import { safeNext } from './safe-next.js';
import { sessionCookie, type Web, type WebApp } from './web-server.js';

const loginQuery = query({ next: Type.Optional(line(2000)) });
const loginForm = form({
  login: Type.Optional(line(200)),
  password: Type.Optional(line(500)),
  next: Type.Optional(line(2000)),
});

export function registerLoginRoutes(app: WebApp, web: Web): void {
  const limiter = new LoginLimiter(web.deps.prisma, web.deps.loginLimits);
  const signInForm = (ctx: PageContext, next: string, error?: string) =>
    html`${error && html`<p class="error" role="alert">${error}</p>`}
      <form method="post" action="/login">
        <input type="hidden" name="next" value="${next}" />
        <label for="login">${ctx.t('login.name')}</label>
        <input id="login" name="login" autocomplete="username" required />
        <label for="password">${ctx.t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <p><button type="submit">${ctx.t('login.submit')}</button></p>
      </form>`;

  app.get('/login', { schema: { querystring: loginQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const next = safeNext(request.query.next);
    return web.page(reply, ctx, ctx.t('login.title'), signInForm(ctx, next), 'login');
  });

  app.post(
    '/login',
    { schema: { querystring: noQuery, body: loginForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const login = request.body.login ?? '';
      const next = safeNext(request.body.next);
      const attempt = await limiter.attempt(login, request.ip);
      if (!attempt.allowed) {
        return web.page(
          reply.code(429).header('retry-after', String(attempt.retryAfterSeconds)),
          ctx,
          ctx.t('login.title'),
          signInForm(ctx, next, ctx.t('login.tooMany')),
          'login',
        );
      }
      const staff = await authenticateStaff(web.deps.prisma, login, request.body.password ?? '');
      if (!staff) {
        return web.page(
          reply.code(401),
          ctx,
          ctx.t('login.title'),
          signInForm(ctx, next, ctx.t('login.wrong')),
          'login',
        );
      }
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
