import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeakPasswordError } from '../../src/errors/weak-password-error.js';
import { authenticateStaff, mayView, setStaffPassword } from '../../src/staff/staff-auth.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createStore } from '../../src/store/store.js';

describe('staff authentication', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stores a bcrypt hash, never the password, and signs in only with the right one', async () => {
    const wilma = await db.prisma.verbinder.create({ data: { name: 'Wilma', wijkId: 'stratum' } });
    await setStaffPassword(createStore(db.prisma), wilma.id, 'Wilma', 'lange zin als wachtwoord');
    const row = await db.prisma.verbinder.findUniqueOrThrow({ where: { id: wilma.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(JSON.stringify(row)).not.toContain('lange zin');
    expect(
      await authenticateStaff(createStore(db.prisma), 'wilma', 'lange zin als wachtwoord'),
    ).toMatchObject({
      id: wilma.id,
      role: 'verbinder',
      wijkId: 'stratum',
    });
    expect(
      await authenticateStaff(createStore(db.prisma), 'wilma', 'verkeerd wachtwoord!'),
    ).toBeNull();
    expect(
      await authenticateStaff(createStore(db.prisma), 'niemand', 'lange zin als wachtwoord'),
    ).toBeNull();
  });

  it('refuses short passwords', async () => {
    const v = await db.prisma.verbinder.create({ data: { name: 'Kort', wijkId: 'gestel' } });
    await expect(setStaffPassword(createStore(db.prisma), v.id, 'kort', 'kort')).rejects.toThrow(
      WeakPasswordError,
    );
  });

  it('scopes a verbinder to their wijk and lets a coordinator see all', () => {
    const verbinder = { id: 'v', name: 'V', role: 'verbinder' as const, wijkId: 'stratum' };
    const coordinator = { id: 'c', name: 'C', role: 'coordinator' as const, wijkId: null };
    expect(mayView(verbinder, 'stratum')).toBe(true);
    expect(mayView(verbinder, 'gestel')).toBe(false);
    expect(mayView(verbinder, null)).toBe(false);
    expect(mayView(coordinator, 'gestel')).toBe(true);
  });
});
