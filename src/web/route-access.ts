/**
 * Who may reach a route, declared with the route and decided on the route Fastify matched,
 * never on the URL text: Fastify decodes `/%61dmin` to `/admin` before it routes, so a check
 * on `request.url` can be walked around. Routes get their access from the scope they are
 * registered in (`accessScope`); a route without one is refused to everyone, and the server
 * refuses to start with one, so a forgotten declaration fails closed.
 */
import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';
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

export class RouteAccessError extends Error {
  override readonly name = 'RouteAccessError';
  readonly code = 'WEB_ROUTE_ACCESS';
  constructor(
    message: string,
    readonly context: { method: string; url: string },
  ) {
    super(message);
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
}

/**
 * Records every route registered on `app` (and in its scopes) and, when the server is ready,
 * fails if one has no access declared. Returns the live table, e.g. for a test that walks it.
 */
export function trackRouteAccess(app: FastifyInstance): readonly RouteEntry[] {
  const routes: RouteOptions[] = [];
  const table: RouteEntry[] = [];
  // The scope's hook runs after this one on the same options object: read them when ready.
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onReady', async () => {
    for (const route of routes) {
      for (const method of [route.method].flat()) {
        const access = route.config?.access;
        table.push({ method, url: route.url, access });
        if (!accessLevels.includes(access!)) {
          throw new RouteAccessError('route without declared access', { method, url: route.url });
        }
      }
    }
  });
  return table;
}
