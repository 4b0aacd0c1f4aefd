import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaleOfferNudge } from '../../src/kaart/plan-stale-nudges.js';
import { sendStaleNudges } from '../../src/kaart/send-stale-nudges.js';
import { PrismaOfferRepository } from '../../src/store/offer-repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe(sendStaleNudges.name, () => {
  let db: TestDatabase;
  let repository: PrismaOfferRepository;
  let now: Date;
  const clock = () => now;
  let sent: StaleOfferNudge[];
  const send = async (nudge: StaleOfferNudge) => {
    sent.push(nudge);
  };
  const summary = () =>
    sent.map((n) => ({
      to: n.recipient.kind === 'owner' ? n.recipient.verbinderId : 'coordinators',
      offers: n.offers.map((s) => `${s.offer.name}: ${s.reasons.join('+')}`),
    }));
  let wilma: string;
  let gone: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    repository = new PrismaOfferRepository(db.prisma);
    wilma = (await db.prisma.verbinder.create({ data: { name: 'Wilma', wijkId: 'stratum' } })).id;
    gone = (
      await db.prisma.verbinder.create({ data: { name: 'Piet', wijkId: 'gestel', active: false } })
    ).id;
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    sent = [];
    now = new Date('2026-12-07T08:00:00Z');
    await db.prisma.offer.deleteMany();
    const offer = (name: string, fields: Record<string, unknown>) =>
      db.prisma.offer.create({
        data: {
          name,
          kind: 'ontwikkelplaats',
          wijk: 'stratum',
          description: 'Iets',
          schedule: '',
          location: '',
          contact: '',
          checkedAt: new Date('2026-05-01T08:00:00Z'),
          ...fields,
        },
      });
    await offer('Kookcafé', { ownerId: wilma });
    await offer('Tuin', { ownerId: wilma, checkedAt: new Date('2026-11-01T08:00:00Z') });
    await offer('Atelier', { ownerId: gone, wijk: 'gestel' });
    await offer('Soepbar', {});
    await offer('Gesloten', { ownerId: wilma, active: false });
    await offer('Kom tot Bloei!', {
      wijk: 'all',
      kind: 'training',
      training: 'ktb',
      checkedAt: new Date('2026-11-20T08:00:00Z'),
      nextStart: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('nudges the owner about offers unchecked for six months, the coordinators about the rest', async () => {
    const run = await sendStaleNudges(repository, send, clock);
    expect(run).toEqual({ sent: 2, offers: 4, failed: [] });
    expect(summary()).toEqual([
      { to: wilma, offers: ['Kookcafé: notChecked'] },
      {
        to: 'coordinators',
        offers: ['Atelier: notChecked', 'Soepbar: notChecked', 'Kom tot Bloei!: startPassed'],
      },
    ]);
  });

  it('does not repeat a nudge within a month, and does after', async () => {
    await sendStaleNudges(repository, send, clock);
    sent = [];
    now = new Date('2026-12-20T08:00:00Z');
    expect((await sendStaleNudges(repository, send, clock)).sent).toBe(0);
    now = new Date('2027-01-07T08:00:00Z');
    await sendStaleNudges(repository, send, clock);
    expect(summary().map((n) => n.offers.length)).toEqual([1, 3]);
  });

  it('stops nudging once the owner says it is still correct', async () => {
    await sendStaleNudges(repository, send, clock);
    const kookcafe = await db.prisma.offer.findFirstOrThrow({ where: { name: 'Kookcafé' } });
    now = new Date('2026-12-10T08:00:00Z');
    expect(await repository.confirmStillCorrect(kookcafe.id, now)).toBe(true);
    expect(await repository.confirmStillCorrect('no-such-offer', now)).toBe(false);
    sent = [];
    now = new Date('2027-01-15T08:00:00Z');
    await sendStaleNudges(repository, send, clock);
    expect(summary()).toEqual([
      {
        to: 'coordinators',
        offers: ['Atelier: notChecked', 'Soepbar: notChecked', 'Kom tot Bloei!: startPassed'],
      },
    ]);
    // Six months after the check, the owner hears about it again, the longest unchecked first.
    sent = [];
    now = new Date('2027-06-11T08:00:00Z');
    await sendStaleNudges(repository, send, clock);
    expect(summary()[0]).toEqual({
      to: wilma,
      offers: ['Tuin: notChecked', 'Kookcafé: notChecked'],
    });
  });

  it('marks nothing when a nudge cannot be delivered, so the next run tries again', async () => {
    const failing = async (nudge: StaleOfferNudge) => {
      if (nudge.recipient.kind === 'coordinators') throw new Error('no coordinator linked');
      sent.push(nudge);
    };
    const run = await sendStaleNudges(repository, failing, clock);
    expect(run.sent).toBe(1);
    expect(run.failed).toEqual([
      { recipient: { kind: 'coordinators' }, error: new Error('no coordinator linked') },
    ]);
    sent = [];
    now = new Date('2026-12-07T09:00:00Z');
    await sendStaleNudges(repository, send, clock);
    expect(summary().map((n) => n.to)).toEqual(['coordinators']);
  });
});
