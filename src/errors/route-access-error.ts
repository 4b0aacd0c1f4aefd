/** A dashboard route without a declared access, or declaring another than its scope's. */
import { BloeiError } from './bloei-error.js';

export class RouteAccessError extends BloeiError<{ method: string; url: string }> {
  override readonly name = 'RouteAccessError';
  readonly code = 'WEB_ROUTE_ACCESS';
  constructor(message: string, context: { method: string; url: string }) {
    super(message, { context });
  }
}
