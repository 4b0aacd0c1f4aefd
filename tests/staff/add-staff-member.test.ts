import { createStore } from '../../src/store/store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffMember } from '../../src/staff/add-staff-member.js';
import { WeakPasswordError } from '../../src/errors/weak-password-error.js';
import { authenticateStaff } from '../../src/staff/staff-auth.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe(addStaffMember.name, () => {
  let db: TestDatabase;
  const now = new Date('2026-12-01T10:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds a staff member with a link code and, when asked, a dashboard login', async () => {
    const { verbinder, code } = await addStaffMember(
      createStore(db.prisma),
      {
        name: 'Dewi',
        role: 'verbinder',
        language: 'tr',
        wijk: 'gestel',
        login: { name: 'Dewi', password: 'een lang genoeg wachtwoord' },
      },
      now,
    );
    expect(code).toMatch(/^BLOEI-/);
    expect(
      await authenticateStaff(createStore(db.prisma), 'dewi', 'een lang genoeg wachtwoord'),
    ).toMatchObject({
      id: verbinder.id,
      wijkId: 'gestel',
    });
  });

  it('leaves nobody behind when the login cannot be set', async () => {
    const attempt = (name: string, login: string, password: string) =>
      addStaffMember(
        createStore(db.prisma),
        {
          name,
          role: 'verbinder',
          language: 'nl',
          wijk: 'gestel',
          login: { name: login, password },
        },
        now,
      );
    await expect(attempt('Eef', 'eef', 'kort')).rejects.toThrow(WeakPasswordError);
    await expect(attempt('Fem', 'dewi', 'nog een lang wachtwoord')).rejects.toThrow();
    expect(await db.prisma.verbinder.count({ where: { name: { in: ['Eef', 'Fem'] } } })).toBe(0);
    expect(await db.prisma.linkCode.count()).toBe(1);
  });
});
