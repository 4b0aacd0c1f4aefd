/**
 * What is there for everyone and shows nothing personal: the dashboard's health (the
 * database answers) and its stylesheet.
 */
import { dependencyChecks } from '../../../health/dependency-checks.js';
import { bloeiCss } from '../../bloei-css.js';
import { noQuery } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';

export function registerSystemRoutes(app: WebApp, web: Web): void {
  const { checks } = dependencyChecks(web.deps.store, undefined);
  app.get('/healthz', { schema: { querystring: noQuery } }, async (_request, reply) => {
    try {
      await checks['database']!();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/bloei.css', { schema: { querystring: noQuery } }, async (_request, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(bloeiCss),
  );
}
