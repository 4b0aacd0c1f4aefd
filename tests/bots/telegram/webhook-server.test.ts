import { describe, expect, it } from 'vitest';
import { secretMatches } from '../../../src/bots/telegram/webhook-server.js';

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
