import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ThrottledLog } from '../../../src/bots/telegram/throttled-log.js';
import {
  secretHeader,
  secretMatches,
  WebhookServer,
} from '../../../src/bots/telegram/webhook-server.js';
import type { Logger } from '../../../src/conversations/ports.js';

describe(secretMatches.name, () => {
  const secret = 'S3cr3t_token-for-Bloei-webhook';

  it('accepts only the exact secret', () => {
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(1), secret)).toBe(false);
    expect(secretMatches(secret.toUpperCase(), secret)).toBe(false);
  });

  it('refuses a missing, empty or repeated header', () => {
    expect(secretMatches(undefined, secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
    expect(secretMatches([secret, secret], secret)).toBe(false);
  });
});

describe(WebhookServer.name, () => {
  const secret = 'S3cr3t_token-for-Bloei-webhook';
  const path = '/telegram/webhook';
  const servers: WebhookServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function server(handle: (update: unknown) => Promise<unknown> = async () => {}) {
    const warnings: { fields: object; message: string }[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (fields, message) => void warnings.push({ fields, message }),
      error: () => {},
    };
    const updates: unknown[] = [];
    const webhook = new WebhookServer({ host: '127.0.0.1', port: 0, path, secret, logger }, (u) => {
      updates.push(u);
      return handle(u);
    });
    await webhook.listen();
    servers.push(webhook);
    const url = `http://127.0.0.1:${webhook.port}${path}`;
    const post = async (body: string, token = secret) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [secretHeader]: token },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    };
    return { webhook, warnings, updates, url, post };
  }

  /** Posts `chunks` without a content-length (chunked), as a client that hides the size would. */
  function postChunked(url: string, chunks: Buffer[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { [secretHeader]: secret } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      // The server may close the connection before every chunk is written.
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
      );
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  it('hands a posted update over and answers 200, or 500 when it could not be handled', async () => {
    let fail = true;
    const { post, updates } = await server(async () => {
      if (fail) throw new Error('database unavailable');
    });
    const update = JSON.stringify({ update_id: 1, message: { text: 'hallo' } });
    expect(await post(update)).toBe(500);
    fail = false;
    expect(await post(update)).toBe(200);
    expect(updates).toEqual([JSON.parse(update), JSON.parse(update)]);
    expect(await post('{not json')).toBe(400);
  });

  it('refuses a body over 1 MB unread, whether its size is declared or not', async () => {
    const { post, updates, url } = await server();
    const big = JSON.stringify({ update_id: 2, message: { text: 'x'.repeat(1024 * 1024) } });
    expect(await post(big)).toBe(413);
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 'x'));
    expect(await postChunked(url, chunks)).toBe(413);
    expect(updates).toEqual([]);
    // A normal update still gets through afterwards.
    expect(await post(JSON.stringify({ update_id: 3 }))).toBe(200);
    expect(updates).toEqual([{ update_id: 3 }]);
  });

  it('says at most once a minute that posts with a wrong secret were refused, with how many', async () => {
    const { post, warnings, updates, webhook } = await server();
    for (let i = 0; i < 50; i++)
      expect(await post('{"update_id":9}', 'wrong-secret-here')).toBe(401);
    expect(updates).toEqual([]);
    const refused = 'telegram webhook: wrong or missing secret, refused';
    expect(warnings).toEqual([{ fields: { refused: 1 }, message: refused }]);
    // What the minute had left to say is said when the server closes.
    await webhook.close();
    expect(warnings.map((w) => w.fields)).toEqual([{ refused: 1 }, { refused: 49 }]);
  });
});

describe(ThrottledLog.name, () => {
  it('writes the first occurrence at once and sums up the rest of each interval', () => {
    let now = 0;
    const written: number[] = [];
    const log = new ThrottledLog(
      (count) => written.push(count),
      60_000,
      () => now,
    );
    log.hit();
    now = 10_000;
    log.hit();
    now = 20_000;
    log.hit();
    expect(written).toEqual([1]);
    now = 61_000;
    log.hit();
    expect(written).toEqual([1, 3]);
    log.flush();
    expect(written).toEqual([1, 3]);
  });
});
