/**
 * The HTTP endpoint Telegram posts updates to in webhook mode. Only a POST to the webhook
 * path with the secret Bloei gave Telegram in `setWebhook` gets through; anyone else who
 * finds the URL gets a 401 and their "update" is never looked at. The secret is compared in
 * constant time (SHA-256 of both sides, so the lengths are equal and not leaked either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../conversations/ports.js';

export const secretHeader = 'x-telegram-bot-api-secret-token';

export type UpdateHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

export interface WebhookServerOptions {
  host: string;
  port: number;
  /** The pathname of the webhook URL, e.g. `/telegram/webhook`. */
  path: string;
  secret: string;
  logger: Logger;
}

export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

export class WebhookServer {
  private readonly server: Server;

  constructor(
    private readonly options: WebhookServerOptions,
    handle: UpdateHandler,
  ) {
    this.server = createServer((req, res) => {
      void this.route(req, res, handle);
    });
  }

  async listen(): Promise<void> {
    const { host, port } = this.options;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** The bound port: the configured one, or the one the OS chose for port 0. */
  get port(): number | undefined {
    const address = this.server.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    await closed;
  }

  private async route(req: IncomingMessage, res: ServerResponse, handle: UpdateHandler) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== this.options.path) return end(res, 404);
    if (req.method !== 'POST') return end(res, 405);
    if (!secretMatches(req.headers[secretHeader], this.options.secret)) {
      this.options.logger.warn({}, 'telegram webhook: wrong or missing secret, refused');
      req.resume();
      return end(res, 401);
    }
    try {
      await handle(req, res);
    } catch (error) {
      this.options.logger.error(
        { err: error instanceof Error ? error.name : 'unknown' },
        'telegram webhook: update not handled',
      );
      if (!res.headersSent) end(res, 500);
    }
  }
}

function end(res: ServerResponse, status: number): void {
  res.writeHead(status).end();
}
