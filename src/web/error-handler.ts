/**
 * One place for what goes wrong in a request. A person sees a short page in their dashboard
 * language: "that was not valid" for a bad request (400, also for a query or form that fails
 * its schema), or "something went wrong" with the request id for a failure (500). The log
 * gets the failure with the same id, so a coordinator can quote it; the client never gets a
 * stack, a file path or a database message.
 *
 * Register before any route: Fastify gives each route the error handler of its scope at the
 * moment the route is added.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../conversations/ports.js';

export interface ErrorPages {
  /** A short page saying why not (400, 403, 404, …) in the person's language. */
  refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    key: string,
  ): Promise<FastifyReply>;
  /** The "something went wrong" page naming the request id. */
  failed(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

/**
 * What the log may keep of an error: its name, code and where it happened. Not its message,
 * which for a database error can hold the values of the query (names, notes).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const { code, statusCode } = error as Partial<FastifyError>;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim());
  return { errorName: error.name, code, statusCode, frames };
}

export function registerErrorHandler(app: FastifyInstance, pages: ErrorPages, logger: Logger) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 400 && status < 500) return pages.refuse(request, reply, status, 'badRequest');
    logger.error(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url,
        ...describeError(error),
      },
      'web request failed',
    );
    return pages.failed(request, reply);
  });
}

/**
 * For Fastify's own refusals before any route runs (a URL that is not valid percent-encoding):
 * the same 400 page.
 */
export function frameworkErrorPage(pages: ErrorPages) {
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    void pages.refuse(request, reply, 400, 'badRequest');
}
