/**
 * Signing in and out. Wrong passwords are counted per address and login name
 * (rate-limiter-flexible): after ten in fifteen minutes the form refuses for a while.
 */
import type { FastifyInstance } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { authenticateStaff } from '../staff/staff-auth.js';
import { html } from './html.js';
import type { PageContext } from './page-context.js';
import { sessionCookie, type Web } from './web-server.js';

/** Only a path on this site: never an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/inbox';
}

export function registerLoginRoutes(app: FastifyInstance, web: Web): void {
  const failures = new RateLimiterMemory({ points: 10, duration: 15 * 60 });
  const form = (ctx: PageContext, next: string, error?: string) =>
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

  app.get('/login', async (request, reply) => {
    const ctx = web.context(request);
    const next = safeNext((request.query as { next?: string }).next);
    return web.page(reply, ctx, ctx.t('login.title'), form(ctx, next), 'login');
  });

  app.post('/login', async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as { login?: string; password?: string; next?: string };
    const login = String(body.login ?? '').slice(0, 200);
    const next = safeNext(body.next);
    const key = `${request.ip}|${login.trim().toLowerCase()}`;
    const blocked = await failures.get(key);
    if (blocked && blocked.consumedPoints >= 10) {
      return web.page(
        reply.code(429),
        ctx,
        ctx.t('login.title'),
        form(ctx, next, ctx.t('login.tooMany')),
        'login',
      );
    }
    const staff = await authenticateStaff(
      web.deps.store,
      login,
      String(body.password ?? '').slice(0, 500),
    );
    if (!staff) {
      await failures.consume(key).catch((e: unknown) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      });
      return web.page(
        reply.code(401),
        ctx,
        ctx.t('login.title'),
        form(ctx, next, ctx.t('login.wrong')),
        'login',
      );
    }
    await failures.delete(key);
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
  });

  app.post('/logout', async (request, reply) => {
    await web.sessions.close(request.cookies[sessionCookie]);
    return reply.clearCookie(sessionCookie, { path: '/' }).redirect('/login', 303);
  });
}
