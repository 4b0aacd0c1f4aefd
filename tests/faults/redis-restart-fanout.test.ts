/**
 * Redis restarted while two worker processes fan out one-year follow-ups: once cleanly,
 * coming back from its append-only file with every job, and once killed and replaced by an
 * empty Redis, every queued job and the maintenance scheduler gone. The database is the
 * source of truth (a follow-up is due until its stage moves on, and a send claims its stage
 * first), so every follow-up must still go out, and none twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDueCohort } from '../support/due-cohort.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { BloeiProcess } from './support/bloei-process.js';
import { RestartableRedis } from './support/restartable-redis.js';
import { waitFor, within } from './support/wait-for.js';

const trainees = 90;
const intro = 'Hoi! Hier is Bloei';

describe('Redis restarted during the follow-up fan-out', () => {
  let db: TestDatabase;
  let api: FakeBotApi;
  let redis: RestartableRedis;
  const workers: BloeiProcess[] = [];

  beforeAll(async () => {
    [db, api, redis] = await Promise.all([
      createTestDatabase(),
      FakeBotApi.start(),
      RestartableRedis.start(),
    ]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await Promise.all([api?.close(), redis?.stop(), db?.drop()]);
  });

  it('sends every follow-up exactly once, with its jobs kept or lost', async () => {
    const report = await importDueCohort(db.prisma, {
      name: 'Fan-out',
      trainees,
      firstChatId: 600_000,
    });
    expect(report).toMatchObject({ ok: true, newEnrolments: trainees });

    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      BLOEI_QUEUE_PREFIX: `fanout-${randomUUID()}`,
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      FOLLOWUP_ALLOWED_HOURS: '0-24',
      FOLLOWUP_CLOSED_WEEKDAYS: '',
      MAINTENANCE_INTERVAL_SECONDS: '1',
      SEND_RATE_TELEGRAM_PER_SECOND: '12',
    };
    workers.push(new BloeiProcess('worker', env), new BloeiProcess('worker', env));
    const intros = () => api.sent.filter((m) => m.text.startsWith(intro));
    for (const [at, how] of [
      [trainees / 3, 'keep'],
      [(trainees * 2) / 3, 'lose'],
    ] as const) {
      await waitFor(
        () => intros().length >= at,
        within(300_000),
        () => `${at} follow-ups before the restart`,
      );
      await redis.restart(how);
    }
    await waitFor(
      async () => (await db.prisma.followUp.count({ where: { stage: 'initial' } })) === 0,
      within(300_000),
      () => `every follow-up sent (${intros().length} of ${trainees} so far)`,
    );

    const perChat = new Map<string, number>();
    for (const m of intros()) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(trainees);
    expect([...perChat.values()].filter((n) => n !== 1)).toEqual([]);
    const followUps = await db.prisma.followUp.findMany();
    expect(followUps.filter((f) => f.status !== 'sent' || f.uncertainStage)).toEqual([]);
    for (const w of workers) expect(w.running, w.problems().join('\n')).toBe(true);
  }, 1_800_000);
});
