/**
 * The test suite's fake Bot API made to answer like Telegram does under load: every call is
 * answered after 30–80 ms, and a share of sendMessage calls gets a 429 with `retry_after`.
 * A proxy on 127.0.0.1 in front of the fake API; it counts the sends in flight, so a sampler
 * can tell the moments a channel send is waiting on the network.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeBotApi } from '../tests/support/fake-bot-api.js';

export interface SlowBotApiOptions {
  minMs?: number;
  maxMs?: number;
  /** Share (0–1) of sendMessage calls answered with 429. */
  tooManyShare?: number;
  retryAfterSeconds?: number;
  /** Seeded choice of delays and 429s, so runs compare. */
  random?: () => number;
}

export class SlowBotApi {
  /** sendMessage calls waiting for their answer right now. */
  inFlight = 0;
  tooMany = 0;
  /** When each sendMessage call arrived (performance.now()), before its answer's delay. */
  readonly sendTimes: number[] = [];
  private constructor(
    readonly api: FakeBotApi,
    private readonly server: Server,
  ) {}

  static async start(options: SlowBotApiOptions = {}): Promise<SlowBotApi> {
    const api = await FakeBotApi.start();
    const random = options.random ?? Math.random;
    const [min, max] = [options.minMs ?? 30, options.maxMs ?? 80];
    const server = createServer();
    const slow = new SlowBotApi(api, server);
    server.on('request', (req, res) => {
      const send = req.url?.endsWith('/sendMessage') ?? false;
      // Timed as the request arrives, before this process reads its body (in the same event
      // loop as the app it measures).
      if (send) {
        slow.sendTimes.push(performance.now());
        slow.inFlight += 1;
      }
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        try {
          await new Promise((resolve) => setTimeout(resolve, min + random() * (max - min)));
          if (send && random() < (options.tooManyShare ?? 0)) {
            slow.tooMany += 1;
            const retry = options.retryAfterSeconds ?? 1;
            res.writeHead(429, { 'content-type': 'application/json' }).end(
              JSON.stringify({
                ok: false,
                error_code: 429,
                description: `Too Many Requests: retry after ${retry}`,
                parameters: { retry_after: retry },
              }),
            );
            return;
          }
          const answer = await fetch(`${api.apiRoot}${req.url}`, {
            method: req.method ?? 'POST',
            headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
            ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
          });
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(body);
        } finally {
          if (send) slow.inFlight -= 1;
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return slow;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get token(): string {
    return this.api.token;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    await this.api.close();
  }
}
