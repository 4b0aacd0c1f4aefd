/** The embedded default's identity secret: generated once into the data directory, kept. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identitySecret, secretFileName } from '../../src/privacy/identity-secret.js';

describe(identitySecret.name, () => {
  it('generates a secret into the data directory on the first start and reuses it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bloei-id-secret-'));
    const dataDir = path.join(root, 'data');
    try {
      const first = await identitySecret({ dataDir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      const file = await stat(path.join(dataDir, secretFileName));
      expect(file.mode & 0o777).toBe(0o600);
      expect(await identitySecret({ dataDir })).toBe(first);
      expect(await identitySecret({ dataDir, idSecret: undefined })).toBe(first);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('takes the configured secret when there is one, and writes nothing', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bloei-id-secret-'));
    try {
      const configured = 'a-configured-secret-of-more-than-32-characters';
      expect(await identitySecret({ dataDir: root, idSecret: configured })).toBe(configured);
      await expect(stat(path.join(root, secretFileName))).rejects.toMatchObject({
        code: 'ENOENT',
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
