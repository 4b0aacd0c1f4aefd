import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCodePattern, newLinkCode } from '../../src/handoff/link-code.js';
import { addVerbinder, issueLinkCode } from '../../src/handoff/verbinder-admin.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('verbinder link codes', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('are random and readable', () => {
    const codes = new Set(Array.from({ length: 500 }, newLinkCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(linkCodePattern);
  });

  it('link a chat once; a reused code is refused with a clear message', async () => {
    const { code } = await addVerbinder(
      app.store,
      { name: 'Patrick', wijk: 'tongelre' },
      app.clock.now(),
    );
    expect((await say(app, 'patrick', code))[0]?.text).toMatch(/^Gelukt, Patrick!/);
    expect((await say(app, 'someone-else', code))[0]?.text).toBe(
      'Deze code klopt niet of is verlopen. Vraag een nieuwe code aan bij je coördinator.',
    );
    const patrick = await app.prisma.verbinder.findFirstOrThrow({ where: { name: 'Patrick' } });
    expect(patrick).toMatchObject({ channel: 'simulator', externalId: 'patrick' });
    expect(
      await app.prisma.linkCode.findMany({ where: { verbinderId: patrick.id } }),
    ).toMatchObject([{ usedAt: expect.any(Date) }]);
  });

  it('refuses an expired code', async () => {
    const longAgo = new Date(app.clock.now().getTime() - 100 * 3_600_000);
    const { code } = await addVerbinder(app.store, { name: 'Els', wijk: 'centrum' }, longAgo, 72);
    expect((await say(app, 'els', code))[0]?.text).toMatch(/^Deze code klopt niet of is verlopen/);
    expect(await app.prisma.verbinder.findFirstOrThrow({ where: { name: 'Els' } })).toMatchObject({
      linkedAt: null,
    });
  });

  it('stops a chat that keeps guessing, even when it finally sends a valid code', async () => {
    for (let i = 0; i < 5; i++) await say(app, 'guesser', newLinkCode());
    const v = await app.prisma.verbinder.create({ data: { name: 'Eve', wijkId: 'centrum' } });
    const { code } = await issueLinkCode(app.store, v.id, app.clock.now());
    expect((await say(app, 'guesser', code))[0]?.text).toBe(
      'Te veel pogingen met een verkeerde code. Probeer het over een uur opnieuw.',
    );
    app.clock.advance(61 * 60_000);
    expect((await say(app, 'guesser', code))[0]?.text).toMatch(/^Gelukt, Eve!/);
  });

  it('answers a resident who types something code-shaped in their own conversation', async () => {
    const menu = await say(app, 'resident-tr', 'hallo', '4', 'evet', 'hayır');
    const replies = await say(app, 'resident-tr', newLinkCode());
    expect(replies.at(-1)?.text).toBe(menu.at(-1)?.text);
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/code|kod/i);
    expect(await app.prisma.linkAttempt.count()).toBeGreaterThan(0);
  });

  it('leaves ordinary residents alone: text that is not a code goes to the resident flow', async () => {
    const replies = await say(app, 'resident-x', 'hallo');
    expect(replies[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
  });
});
