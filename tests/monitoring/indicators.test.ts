import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/monitoring/indicators.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A check-in from the menu: seven statements on the agree scale, two stories, confirm. */
const checkIn = (scores: number[]) => [
  '3',
  ...scores.map(String),
  'Koffie.',
  'Mijn buurman.',
  'ja',
];

describe(computeIndicators.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  const period = { from: '2026-01', to: '2026-12' };
  const row = async (wijk: string | null, indicator: string) =>
    (await computeIndicators(app.store, { wijk, ...period })).subgoals.find(
      (r) => r.indicator === indicator,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    for (const [resident, wijk, know] of [
      ['stays', 'stratum', 5],
      ['leaves', 'centrum', 2],
    ] as const) {
      await say(app, resident, ...consentNl, ...checkIn([know, 4, 4, 4, 4, 4, 4]));
      const identity = await app.prisma.channelIdentity.findFirstOrThrow({
        where: { externalId: resident },
      });
      await app.prisma.contact.update({ where: { id: identity.contactId }, data: { wijk } });
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('computes each subgoal per wijk from the answers given', async () => {
    expect(await row(null, 'ontmoeting.kennen')).toEqual({
      subgoal: 'ontmoeting',
      indicator: 'ontmoeting.kennen',
      n: 2,
      mean: 3.5,
      share: 0.5,
    });
    expect(await row('stratum', 'ontmoeting.kennen')).toMatchObject({ n: 1, mean: 5, share: 1 });
    expect(await row('stratum', 'zingeving.verhaal')).toMatchObject({ n: 1, mean: null });
    expect(await row('gestel', 'ontmoeting.kennen')).toBeUndefined();
    const empty = await computeIndicators(app.store, { wijk: 'gestel', ...period });
    expect(empty.subgoals.map((r) => r.subgoal)).toEqual([
      'ontmoeting',
      'meedoen',
      'zingeving',
      'zelfredzaamheid',
      'duurzameVerbinding',
      'verbindingWijk',
      'inzetVoorElkaar',
      'thuisgevoel',
    ]);
  });

  it('keeps counting a forgotten resident, in their wijk, without keeping them', async () => {
    await say(app, 'leaves', 'vergeet mij', 'ja');
    expect(await app.prisma.channelIdentity.count({ where: { externalId: 'leaves' } })).toBe(0);
    expect(await row('centrum', 'ontmoeting.kennen')).toMatchObject({ n: 1, mean: 2, share: 0 });
    expect(await row(null, 'ontmoeting.kennen')).toMatchObject({ n: 2, mean: 3.5, share: 0.5 });
    const { counts } = await computeIndicators(app.store, { wijk: null, ...period });
    expect(counts.find((c) => c.metric === 'checkIns')).toEqual({ metric: 'checkIns', count: 2 });
  });

  it('leaves out answers outside the period', async () => {
    const before = await computeIndicators(app.store, {
      wijk: null,
      from: '2025-01',
      to: '2025-12',
    });
    expect(before.subgoals.every((r) => r.n === 0)).toBe(true);
  });
});
