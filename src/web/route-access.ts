/**
 * Who may reach a route, declared with the route and decided on the route Fastify matched,
 * never on the URL text: Fastify decodes `/%61dmin` to `/admin` before it routes, so a check
 * on `request.url` can be walked around. Routes get their access from the scope they are
 * registered in (`accessScope`); a route without one is refused to everyone, and the server
 * refuses to start with one, so a forgotten declaration fails closed.
 */
import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';
import { RouteAccessError } from '../errors/route-access-error.js';
import type { StaffMember } from '../staff/staff-auth.js';

export const accessLevels = ['public', 'staff', 'coordinator'] as const;
/** `public`: nothing personal (sign-in, health, stylesheet); `staff`: any signed-in staff member. */
export type Access = (typeof accessLevels)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may reach the route; set by its `accessScope`. */
    access?: Access;
    /**
     * How a state-changing request proves it came from this site. `form` (the default): the
     * session's CSRF token in the form. `preflight`: a JSON API that a browser sends
     * cross-site only after a CORS preflight this server never answers (the queue board).
     */
    csrf?: 'form' | 'preflight';
  }
}

/**
 * An encapsulated plugin in which every route, including those of plugins registered inside
 * it (bull-board's), gets `access`. A route that declares a different access is an error.
 */
export function accessScope(
  access: Access,
  register: (scope: FastifyInstance) => Promise<void> | void,
): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook('onRoute', (route) => {
      const declared = route.config?.access;
      if (declared !== undefined && declared !== access) {
        throw new RouteAccessError(`route declares ${declared} inside a ${access} scope`, {
          method: String(route.method),
          url: route.url,
        });
      }
      route.config = { ...route.config, access };
    });
    await register(scope);
  };
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

/** The one rule. An undeclared access (`undefined`) lets nobody in. */
export function decideAccess(
  access: Access | undefined,
  staff: Pick<StaffMember, 'role'> | null,
): AccessDecision {
  if (access === 'public') return 'allow';
  if (!staff) return 'sign-in';
  if (access === 'staff') return 'allow';
  if (access === 'coordinator' && staff.role === 'coordinator') return 'allow';
  return 'forbidden';
}

/** A route as the table of registered routes lists it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  /** The fields its schema lets through, in the query string and the form, with their longest length. */
  fields: { query: Record<string, number>; body: Record<string, number> };
}

const fieldsOf = (schema: unknown): Record<string, number> =>
  Object.fromEntries(
    Object.entries(
      (schema as { properties?: Record<string, { maxLength?: number }> } | undefined)?.properties ??
        {},
    ).map(([name, field]) => [name, field.maxLength ?? Infinity]),
  );

/**
 * Records every route registered on `app` (and in its scopes) and, when the server is ready,
 * fails if one has no access declared. Returns the live table, e.g. for a test that walks it.
 */
export function trackRouteAccess(app: FastifyInstance): readonly RouteEntry[] {
  const routes: { method: string; url: string; options: RouteOptions }[] = [];
  const table: RouteEntry[] = [];
  // The URL now (Fastify reuses the options for a prefix's "/" variant); the access when
  // ready, since the scope's hook runs after this one on the same options.
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat())
      routes.push({ method, url: options.url, options });
  });
  app.addHook('onReady', async () => {
    for (const { method, url, options } of routes) {
      const access = options.config?.access;
      const schema = options.schema as { querystring?: unknown; body?: unknown } | undefined;
      const fields = { query: fieldsOf(schema?.querystring), body: fieldsOf(schema?.body) };
      table.push({ method, url, access, fields });
      if (!accessLevels.includes(access!)) {
        throw new RouteAccessError('route without declared access', { method, url });
      }
    }
  });
  return table;
}
