import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.js';
import { authenticateStaff } from '../../src/staff/staff-auth.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe(runAdmin.name, () => {
  let db: TestDatabase;
  let app: TestApp;
  const lines: string[] = [];
  const admin = (...argv: string[]) =>
    runAdmin(app.prisma, argv, (l) => lines.push(l), app.clock.now());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('adds a verbinder and prints a one-time link code that links their chat', async () => {
    await admin('verbinder', 'add', '--name', 'Wilma', '--wijk', 'stratum');
    const code = /One-time link code: (\S+)/.exec(lines.join('\n'))?.[1];
    expect(code).toMatch(/^BLOEI-/);
    expect((await say(app, 'wilma', code!))[0]?.text).toMatch(/^Gelukt, Wilma!/);
  });

  it('sets a dashboard login with the password read from stdin, refusing a short one', async () => {
    const carla = await app.prisma.verbinder.create({
      data: { name: 'Carla', role: 'coordinator' },
    });
    const withPassword = (password: string) => () => Promise.resolve(`${password}\n`);
    await expect(
      runAdmin(
        app.prisma,
        ['verbinder', 'login', '--id', carla.id, '--login', 'Carla'],
        () => {},
        app.clock.now(),
        withPassword('kort'),
      ),
    ).rejects.toThrow(/at least 12 characters/);
    await runAdmin(
      app.prisma,
      ['verbinder', 'login', '--id', carla.id, '--login', 'Carla'],
      (l) => lines.push(l),
      app.clock.now(),
      withPassword('een wachtwoord van formaat'),
    );
    expect(lines.at(-1)).toBe('Dashboard login carla set.');
    expect(await authenticateStaff(app.store, 'carla', 'een wachtwoord van formaat')).toMatchObject(
      {
        role: 'coordinator',
      },
    );
  });

  it('refuses a verbinder for an unknown wijk, naming the known ones', async () => {
    await expect(admin('verbinder', 'add', '--name', 'X', '--wijk', 'nergens')).rejects.toThrow(
      /unknown wijk nergens; known: .*stratum/,
    );
  });

  it('adds a wijk that flows then offer, without code changes', async () => {
    await admin('wijk', 'add', '--id', 'achtste', '--name', 'Het achtste team');
    await say(app, 'res-w', ...consentNl, '1');
    const answers = ['a', 'b', '1', 'c', 'd', '1', '1', '3'];
    const replies = await say(app, 'res-w', ...answers);
    expect(replies.at(-1)?.choices.map((c) => c.label)).toContain('Het achtste team');
  });

  it('invites a resident to a check-in, sent once by the maintenance job', async () => {
    await say(app, 'res-c', ...consentNl);
    const contact = await app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { externalId: 'res-c' } } },
    });
    await admin('checkin', 'invite', '--contact', contact.id);
    const before = app.channel.sent.length;
    expect(await app.maintenance()).toMatchObject({ invitations: 1 });
    const sent = app.channel.sent.slice(before);
    expect(sent[0]?.text).toMatch(/^Even pas op de plaats/);
    expect(sent.at(-1)?.text).toBe('Door Buurt in Bloei ken ik meer mensen in mijn buurt.');
    expect(await app.maintenance()).toMatchObject({ invitations: 0 });
  });
});
