/**
 * The HTTP endpoint Telegram posts updates to in webhook mode. Only a POST to the webhook
 * path with the secret Bloei gave Telegram in `setWebhook` gets through; anyone else who
 * finds the URL gets a 401 and their "update" is never read. The secret is compared in
 * constant time (SHA-256 of both sides, so the lengths are equal and not leaked either).
 * Refusals are logged at most once a minute, with their count, so they cannot flood the log.
 * An update is read up to a size limit (Telegram's are a few kilobytes); a larger body is
 * refused unread. The answer is 200 once the update is handled, 500 when handling failed or
 * took too long: Telegram then delivers it again.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../conversations/ports.js';
import { BloeiError } from '../../errors/bloei-error.js';
import { ThrottledLog } from './throttled-log.js';

export const secretHeader = 'x-telegram-bot-api-secret-token';

/** Handles one posted update (parsed JSON, not yet validated). */
export type UpdateHandler = (update: unknown) => Promise<unknown>;

export interface WebhookServerOptions {
  host: string;
  port: number;
  /** The pathname of the webhook URL, e.g. `/telegram/webhook`. */
  path: string;
  secret: string;
  logger: Logger;
  /** Largest body read (default 1 MB). */
  maxBodyBytes?: number;
  /** How long handling may take before Telegram is told to try again (default 10 s). */
  handleTimeoutMs?: number;
  /** Least time between two "refused" warnings (default a minute). */
  refusalLogEveryMs?: number;
}

export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** Why a body was not read to the end. */
class BodyTooLargeError extends BloeiError {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'WEBHOOK_BODY_TOO_LARGE';
}

export class WebhookServer {
  private readonly server: Server;
  private readonly refusals: ThrottledLog;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly options: WebhookServerOptions,
    private readonly handle: UpdateHandler,
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.refusals = new ThrottledLog(
      (refused) =>
        options.logger.warn({ refused }, 'telegram webhook: wrong or missing secret, refused'),
      options.refusalLogEveryMs,
    );
    this.server = createServer((req, res) => {
      void this.route(req, res);
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
    this.refusals.flush();
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    await closed;
  }

  private async route(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== this.options.path) return refuse(res, 404);
    if (req.method !== 'POST') return refuse(res, 405);
    if (!secretMatches(req.headers[secretHeader], this.options.secret)) {
      this.refusals.hit();
      return refuse(res, 401);
    }
    let update: unknown;
    try {
      update = JSON.parse(await this.readBody(req));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        this.options.logger.warn({ limit: this.maxBodyBytes }, 'telegram webhook: body too large');
        return refuse(res, 413);
      }
      return end(res, 400);
    }
    try {
      await this.withTimeout(this.handle(update));
      end(res, 200);
    } catch (error) {
      this.options.logger.error(
        { err: error instanceof Error ? error.name : 'unknown' },
        'telegram webhook: update not handled',
      );
      if (!res.headersSent) end(res, 500);
    }
  }

  /** The body as text, or BodyTooLargeError as soon as it passes the limit. */
  private async readBody(req: IncomingMessage): Promise<string> {
    const declared = Number(req.headers['content-length']);
    if (declared > this.maxBodyBytes) throw new BodyTooLargeError('declared too large');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > this.maxBodyBytes) throw new BodyTooLargeError('too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private withTimeout(task: Promise<unknown>): Promise<unknown> {
    const ms = this.options.handleTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not handled within ${ms} ms`)), ms);
    });
    return Promise.race([task, timeout]).finally(() => clearTimeout(timer));
  }
}

function end(res: ServerResponse, status: number): void {
  res.writeHead(status).end();
}

/** Answers without reading the rest of the request, and closes the connection after it. */
function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close' }).end();
}
