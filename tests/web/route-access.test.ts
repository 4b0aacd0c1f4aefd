import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { RouteAccessError } from '../../src/errors/route-access-error.js';
import { accessScope, decideAccess, trackRouteAccess } from '../../src/web/route-access.js';

describe(decideAccess.name, () => {
  const verbinder = { role: 'verbinder' as const };
  const coordinator = { role: 'coordinator' as const };

  it('lets anyone reach a public route and asks the anonymous to sign in for the rest', () => {
    expect(decideAccess('public', null)).toBe('allow');
    for (const access of ['staff', 'coordinator', undefined] as const) {
      expect(decideAccess(access, null)).toBe('sign-in');
    }
  });

  it('keeps coordinator routes to coordinators, and lets nobody reach an undeclared one', () => {
    expect(decideAccess('staff', verbinder)).toBe('allow');
    expect(decideAccess('coordinator', verbinder)).toBe('forbidden');
    expect(decideAccess('coordinator', coordinator)).toBe('allow');
    expect(decideAccess(undefined, verbinder)).toBe('forbidden');
    expect(decideAccess(undefined, coordinator)).toBe('forbidden');
  });
});

describe(trackRouteAccess.name, () => {
  it('lists every route with the access of its scope, nested plugins included', async () => {
    const app = Fastify();
    const table = trackRouteAccess(app);
    await app.register(
      accessScope('coordinator', async (scope) => {
        scope.get('/admin', async () => 'admin');
        await scope.register(async (inner) => void inner.post('/admin/x', async () => 'x'), {
          prefix: '',
        });
      }),
    );
    await app.ready();
    expect(table.map((r) => `${r.method} ${r.url} ${r.access}`)).toEqual([
      'GET /admin coordinator',
      'HEAD /admin coordinator',
      'POST /admin/x coordinator',
    ]);
    await app.close();
  });

  it('refuses to start with a route that declares no access', async () => {
    const app = Fastify();
    trackRouteAccess(app);
    app.get('/forgotten', async () => 'oops');
    await expect(app.ready()).rejects.toThrow(RouteAccessError);
  });

  it('refuses a route that declares another access than its scope', async () => {
    const app = Fastify();
    trackRouteAccess(app);
    await expect(
      app.register(
        accessScope('coordinator', (scope) => {
          scope.get('/sneaky', { config: { access: 'public' } }, async () => 'x');
        }),
      ),
    ).rejects.toThrow(RouteAccessError);
  });
});
