/**
 * A small round-robin HTTP load balancer on 127.0.0.1 in front of several webhook replicas,
 * like the reverse proxy of a deployment with more than one bot process. A delivery of an
 * update it has forwarded before (Telegram retrying) goes to another replica than the last
 * time. When the caller gives up on a request, the upstream request is dropped too, as a
 * proxy does; the replica may still be working on it.
 */
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Forwarded {
  updateId: number;
  replica: number;
  /** The replica's HTTP status, or what went wrong on the way. */
  outcome: number | 'dropped' | 'unreachable';
}

export class WebhookBalancer {
  readonly forwarded: Forwarded[] = [];
  private readonly lastReplica = new Map<number, number>();
  private turn = 0;

  private constructor(
    private readonly server: Server,
    private readonly replicas: readonly string[],
  ) {
    server.on('request', (req, res) => void this.forward(req, res));
  }

  /** `replicas`: each replica's origin, e.g. `http://127.0.0.1:8443`. */
  static async start(replicas: readonly string[]): Promise<WebhookBalancer> {
    const balancer = new WebhookBalancer(createServer(), replicas);
    await new Promise<void>((resolve) => balancer.server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private pick(updateId: number): number {
    const last = this.lastReplica.get(updateId);
    const replica =
      last === undefined ? this.turn++ % this.replicas.length : (last + 1) % this.replicas.length;
    this.lastReplica.set(updateId, replica);
    return replica;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const updateId = Number((JSON.parse(body.toString('utf8')) as { update_id: number }).update_id);
    const replica = this.pick(updateId);
    const record = (outcome: Forwarded['outcome']) =>
      this.forwarded.push({ updateId, replica, outcome });
    const upstream = request(`${this.replicas[replica]}${req.url ?? '/'}`, {
      method: req.method,
      headers: { ...req.headers, host: new URL(this.replicas[replica]!).host },
    });
    res.once('close', () => {
      if (!res.writableFinished) {
        record('dropped');
        upstream.destroy();
      }
    });
    upstream.once('response', (answer) => {
      record(answer.statusCode ?? 0);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', () => {
      if (res.headersSent || res.destroyed) return;
      record('unreachable');
      res.writeHead(502).end();
    });
    upstream.end(body);
  }
}
