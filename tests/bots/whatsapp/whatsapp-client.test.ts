import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs, createWhatsAppClient } from '../../../src/bots/whatsapp/whatsapp-client.js';

describe(createWhatsAppClient.name, () => {
  const root = mkdtempSync(join(tmpdir(), 'bloei-whatsapp-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds a client on the configured Chromium, with its session folder owner-only', () => {
    const dataDir = join(root, 'data', 'whatsapp');
    // Any executable will do: the client is only constructed, never initialized.
    const client = createWhatsAppClient({ dataDir, chromiumPath: process.execPath });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const { options } = client as unknown as {
      options: { puppeteer: object; authStrategy: { dataPath: string } };
    };
    expect(options.puppeteer).toMatchObject({
      executablePath: process.execPath,
      headless: true,
      args: chromiumArgs,
    });
    expect(options.authStrategy.dataPath).toBe(dataDir);
  });

  it('names the missing Chromium instead of letting puppeteer look for a download', () => {
    const dataDir = join(root, 'missing');
    expect(() => createWhatsAppClient({ dataDir, chromiumPath: join(root, 'chromium') })).toThrow(
      /no Chromium at CHROMIUM_PATH=.*apt-get install -y chromium/,
    );
  });
});
