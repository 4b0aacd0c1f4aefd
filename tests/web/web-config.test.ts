import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors/config-error.js';

describe('dashboard settings', () => {
  it('reads WEB_TRUST_PROXY as off, all, a hop count or proxy addresses', () => {
    const trust = (value?: string) =>
      loadConfig(value === undefined ? {} : { WEB_TRUST_PROXY: value }).web.trustProxy;
    expect(trust()).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.0/8, 127.0.0.1,::1/128')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1/128']);
  });

  it('refuses what is not a proxy address, naming the variable', () => {
    for (const value of ['yes please', '10.0.0.0/33', '10.0.0.1,proxy.example', '999.1.1.1']) {
      expect(() => loadConfig({ WEB_TRUST_PROXY: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ WEB_TRUST_PROXY: value }), value).toThrow(
        /^configuration: WEB_TRUST_PROXY: /,
      );
    }
  });
});
