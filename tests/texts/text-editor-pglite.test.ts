/**
 * The embedded default: one process on PGlite. A change is served at once, and kept: the
 * next start serves it from the first message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { simulatorChannel } from '../../src/bots/simulator/to-inbound.js';
import { addVerbinder } from '../../src/handoff/verbinder-admin.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { pinnedClock } from '../support/golden.js';
import { RecordingChannel } from '../support/recording-channel.js';
import { silentLogger, type TestApp } from '../support/test-app.js';
import { localeTable } from '../support/locale-lexicon.js';
import { testIdSecret } from '../support/test-id-secret.js';

async function embeddedApp(dataDir: string): Promise<TestApp> {
  const clock = pinnedClock();
  const config = { databaseUrl: undefined, dataDir, defaultLanguage: 'nl', idSecret: testIdSecret };
  const app = await createApp(config, silentLogger, {
    flood: false,
    clock: clock.now,
  });
  const channel = new RecordingChannel(simulatorChannel);
  app.router.add(channel);
  return { ...app, channel, clock };
}

describe('the texts editor on the embedded PGlite database', { timeout: 300_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bloei-texts-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves a saved text at once, keeps it across a restart, and reverts it', async () => {
    const key = 'talentenscan.energy';
    let app = await embeddedApp(dataDir);
    let revisionId: number;
    try {
      const { verbinder } = await addVerbinder(
        app.store,
        { name: 'Cora', role: 'coordinator' },
        app.clock.now(),
      );
      const saved = await app.texts.saveText({
        lang: 'nl',
        key,
        text: 'Waar word je blij van?',
        staffId: verbinder.id,
      });
      if (!saved.ok || !saved.revision) throw new Error('save refused');
      revisionId = saved.revision.id;
      const replies = await say(app, 'resident-1', ...consentNl, '1');
      expect(replies.at(-1)!.text).toBe('Waar word je blij van?');
    } finally {
      await app.close();
    }

    app = await embeddedApp(dataDir);
    try {
      const replies = await say(app, 'resident-2', ...consentNl, '1');
      expect(replies.at(-1)!.text).toBe('Waar word je blij van?');
      const staffId = (await app.texts.textHistory('nl', key))[0]!.staffId;
      expect(await app.texts.revertText(revisionId, staffId)).toMatchObject({
        ok: true,
        revision: { kind: 'revert', after: null },
      });
      const after = await say(app, 'resident-3', ...consentNl, '1');
      expect(after.at(-1)!.text).toBe(localeTable['nl']![key]);
    } finally {
      await app.close();
    }
  });
});
