/**
 * Through the real pipeline (database, translator, simulator channel): a brand-new resident
 * whose very first message is a crisis sentence gets the crisis numbers in the language their
 * platform reports, whatever language the sentence is in; harmless idioms get the welcome.
 * Nothing is stored before consent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineToInbound } from '../../../src/bots/simulator/to-inbound.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const languages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;
const corpus = (language: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../fixtures/safety-corpus/${language}.json`),
      'utf8',
    ),
  ) as { crisis: { kind: string; text: string }[]; harmless: string[] };

/** One crisis sentence of each kind per language, sent with every platform language. */
const crisisCases = languages.flatMap((written) => {
  const byKind = new Map(corpus(written).crisis.map((c) => [c.kind, c.text]));
  return [...byKind.values()].flatMap((text, i) => {
    const platform = languages[(languages.indexOf(written) + i) % languages.length]!;
    return [{ written, platform, text }];
  });
});

const idiomCases = languages.flatMap((written) =>
  corpus(written)
    .harmless.slice(0, 2)
    .map((text) => ({ written, text })),
);

describe('a crisis as the very first message', () => {
  let db: TestDatabase;
  let app: TestApp;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const firstMessage = async (text: string, platform: string) => {
    const userId = `first-${++n}`;
    const replies = await app.handler.handle(
      lineToInbound(text, userId, { languageHint: platform, now: app.clock.advance() }),
    );
    return { userId, replies };
  };

  it.each(crisisCases)(
    'written in $written, platform in $platform: "$text"',
    async ({ platform, text }) => {
      const { userId, replies } = await firstMessage(text, platform);
      const expected = app.translator.render({ key: 'safety.message', params: {} }, platform).text;
      expect(replies.map((r) => r.text)).toEqual([expected]);
      expect(expected).toMatch(/112[\s\S]*0800-0113[\s\S]*0800-2000/);
      const identity = await app.prisma.channelIdentity.findFirst({
        where: { externalId: userId },
      });
      expect(identity, 'nothing is stored before consent').toBeNull();
    },
  );

  it.each(idiomCases)('an idiom in $written gets the welcome: "$text"', async ({ text }) => {
    const { replies } = await firstMessage(text, 'nl');
    expect(replies[0]?.text).toMatch(/^Hoi! Ik ben Bloei/);
    expect(replies.some((r) => r.text.includes('0800-0113'))).toBe(false);
  });

  it.each([
    ["honestly I don't see the point of living anymore", 'en'],
    ['хочу покінчити з життям', 'nl'],
    ['mijn vriend slaat me en ik durf niet naar huis', 'pl'],
  ])('the sentences that were missed before: "%s" (platform %s)', async (text, platform) => {
    const { replies } = await firstMessage(text, platform);
    expect(replies[0]?.text).toBe(
      app.translator.render({ key: 'safety.message', params: {} }, platform).text,
    );
  });

  it('answers a Turkish crisis sentence in a Dutch chat in Dutch, and raises an urgent hand-off', async () => {
    const userId = 'picked-dutch';
    for (const line of ['hallo', '1', 'ja', 'nee', 'kocam beni dövüyor, eve gitmeye korkuyorum']) {
      const replies = await app.handler.handle(
        lineToInbound(line, userId, { languageHint: 'tr', now: app.clock.advance() }),
      );
      if (line.startsWith('kocam')) {
        expect(replies[0]?.text).toBe(
          app.translator.render({ key: 'safety.message', params: {} }, 'nl').text,
        );
      }
    }
    const handoff = await app.prisma.handoff.findFirst({
      where: { contact: { identities: { some: { externalId: userId } } } },
    });
    expect(handoff).toMatchObject({ reason: 'safety_signal', urgency: 'urgent' });
  });

  it('covers all six languages, each with every platform language at least once', () => {
    expect(new Set(crisisCases.map((c) => c.written)).size).toBe(6);
    expect(new Set(crisisCases.map((c) => c.platform)).size).toBe(6);
  });
});
