/**
 * Every registered channel has a fixture here: an address a cohort file may give and one it
 * may not, and the configuration that turns it on. Registering a channel without one fails
 * this test (and the typecheck: the table is keyed by the registered ids).
 */
import { describe, expect, it } from 'vitest';
import {
  channelIds,
  channelPlugin,
  channelPlugins,
  type ChannelId,
} from '../../src/bots/channels.js';
import { createChannels, createSharedChannels } from '../../src/bots/create-channels.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors/config-error.js';
import { UnknownChannelError } from '../../src/errors/unknown-channel-error.js';
import { followUpQueueNames, queueNames, sharedQueueNames } from '../../src/jobs/queues.js';
import { createLogger } from '../../src/logger.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { loadLocales } from '../../src/i18n/load-locales.js';

interface ChannelFixture {
  /** Settings that turn the channel on. */
  env: NodeJS.ProcessEnv;
  address: { valid: string; externalId: string; invalid: string };
}

const fixtures: Record<ChannelId, ChannelFixture> = {
  telegram: {
    env: { TELEGRAM_BOT_TOKEN: '123456:test-token', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' },
    address: { valid: '123456789', externalId: '123456789', invalid: '+31612345678' },
  },
  whatsapp: {
    env: { WHATSAPP_ENABLED: 'true' },
    address: { valid: '+31612345678', externalId: '31612345678@c.us', invalid: '0612345678' },
  },
};

const logger = createLogger('silent');
const localeTranslator = await createTranslator(loadLocales(), 'nl');
const deps = { logger, translator: localeTranslator, lateAfterMs: 60_000 };

describe('channel registry', () => {
  it('has a fixture for every registered channel', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...channelIds].sort());
  });

  it('gives every channel a follow-up queue of its own, which the worker knows', () => {
    expect(new Set(followUpQueueNames).size).toBe(channelPlugins.length);
    for (const queue of followUpQueueNames) expect(queueNames).toContain(queue);
  });

  it('leaves a channel bound to one session (WhatsApp) to the process that holds it', async () => {
    expect(sharedQueueNames).toEqual(['maintenance', 'followups-telegram']);
    const both = loadConfig({ ...fixtures.telegram.env, ...fixtures.whatsapp.env });
    const shared = await createSharedChannels(both, logger, localeTranslator);
    expect(shared.map((c) => c.channel)).toEqual(['telegram']);
  });

  it('refuses a channel that is not registered, by name', () => {
    expect(() => channelPlugin('fax')).toThrow(UnknownChannelError);
  });

  it('starts no channel the configuration leaves off', async () => {
    const config = loadConfig({});
    for (const id of channelIds) expect(config.channels[id]).toBeUndefined();
    expect(await createChannels(config, logger, localeTranslator)).toEqual([]);
  });

  describe.each(channelIds)('%s', (id) => {
    const plugin = channelPlugin(id);
    const fixture = fixtures[id];

    it('reads its cohort addresses', () => {
      expect(plugin.cohortAddress(fixture.address.valid)).toEqual({
        externalId: fixture.address.externalId,
      });
      expect(plugin.cohortAddress(fixture.address.invalid)).toHaveProperty('problem');
    });

    it('is on when its settings are given', () => {
      expect(loadConfig(fixture.env).channels[id]).toBeDefined();
    });
  });

  it('creates the Telegram adapter only when it is configured, without starting it', async () => {
    const [adapter, ...others] = await createChannels(
      loadConfig(fixtures.telegram.env),
      logger,
      localeTranslator,
    );
    expect(others).toEqual([]);
    expect(adapter?.channel).toBe('telegram');
  });

  it('refuses WhatsApp without the inbound spool that keeps its messages', async () => {
    const whatsapp = channelPlugin('whatsapp');
    const settings = loadConfig(fixtures.whatsapp.env).channels.whatsapp;
    await expect(whatsapp.create(settings, deps)).rejects.toBeInstanceOf(ConfigError);
  });
});
