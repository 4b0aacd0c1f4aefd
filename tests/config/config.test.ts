import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelIds } from '../../src/bots/channels.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors/config-error.js';

const repo = join(import.meta.dirname, '../..');

describe(loadConfig.name, () => {
  it('runs on safe defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: './.data',
      channels: { telegram: undefined, whatsapp: undefined },
      pacing: { telegram: { perSecond: 25, perChatMs: 1000 }, whatsapp: { perSecond: 1 } },
      flood: { messages: 8, windowMs: 10_000 },
      retention: { contactMonths: 24, handoffMonths: 12, conversationDays: 30, processedDays: 3 },
    });
  });

  it('reports a bad value in one line naming the variable', () => {
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_PORT: 'eighty' })).toThrow(
      /^configuration: TELEGRAM_WEBHOOK_PORT: /,
    );
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_WEBHOOK_URL: 'https://bloei.example/hook' }),
    ).toThrow('configuration: TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
  });

  it("is documented: every variable it reads, its own and the channels', is in .env.example", () => {
    const settings = readdirSync(join(repo, 'src/bots'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('-settings.ts'))
      .map((file) => join('src/bots', file));
    expect(settings.length).toBe(channelIds.length);
    const source = ['src/config.ts', ...settings]
      .map((file) => readFileSync(join(repo, file), 'utf8'))
      .join('\n');
    const read = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(read).toContain('TELEGRAM_BOT_TOKEN');
    const example = readFileSync(join(repo, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('accepts .env.example as it is: an empty value means "not set"', () => {
    const example = readFileSync(join(repo, '.env.example'), 'utf8');
    const env = Object.fromEntries(
      [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    const config = loadConfig(env);
    expect(config).toMatchObject({
      logLevel: undefined,
      channels: { telegram: undefined, whatsapp: undefined },
      health: undefined,
    });
  });

  it('serves /healthz only when HEALTH_PORT is set, and bounds a graceful stop', () => {
    expect(loadConfig({})).toMatchObject({ health: undefined, shutdownTimeoutMs: 25_000 });
    expect(loadConfig({ HEALTH_PORT: '8081', SHUTDOWN_TIMEOUT_SECONDS: '10' })).toMatchObject({
      health: { port: 8081, host: '0.0.0.0' },
      shutdownTimeoutMs: 10_000,
    });
    expect(() => loadConfig({ HEALTH_PORT: 'eighty' })).toThrow(/^configuration: HEALTH_PORT: /);
  });
});
