import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateStaff } from '../../src/staff/staff-auth.js';
import { consentNl, say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { runBloei } from './support/run-bloei.js';

describe('coordinator commands (verbinder, wijk, checkin)', () => {
  let db: TestDatabase;
  let app: TestApp;
  const bloei = (argv: string[], stdin?: string) =>
    runBloei(argv, { prisma: app.prisma, now: app.clock.now, ...(stdin ? { stdin } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('adds a verbinder and prints a one-time link code that links their chat', async () => {
    const run = await bloei([
      'verbinder',
      'add',
      '--name',
      'Wilma',
      '--wijk',
      'stratum',
      '--speaks',
      'ar,en',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^verbinder Wilma added \(id [\w-]+\)\.\nOne-time link code: /);
    const code = /One-time link code: (\S+)/.exec(run.stdout)?.[1];
    expect(code).toMatch(/^BLOEI-/);
    expect((await say(app, 'wilma', code!))[0]?.text).toMatch(/^Gelukt, Wilma!/);
    const list = await bloei(['verbinder', 'list']);
    expect(list.stdout).toMatch(
      /^[\w-]+ {2}Wilma {2}verbinder {2}stratum {2}speaks nl,ar,en {2}linked on simulator$/m,
    );
  });

  it('sets a dashboard login with the password read from stdin, refusing a short one', async () => {
    const carla = await app.prisma.verbinder.create({
      data: { name: 'Carla', role: 'coordinator' },
    });
    const argv = ['verbinder', 'login', '--id', carla.id, '--login', 'Carla'];
    const refused = await bloei(argv, 'kort\n');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/at least 12 characters/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const set = await bloei(argv, 'een wachtwoord van formaat\n');
    expect(set).toEqual({ code: 0, stdout: 'Dashboard login carla set.\n', stderr: '' });
    expect(await authenticateStaff(app.store, 'carla', 'een wachtwoord van formaat')).toMatchObject(
      { role: 'coordinator' },
    );
  });

  it('refuses a verbinder for an unknown wijk in one line naming the known ones', async () => {
    const run = await bloei(['verbinder', 'add', '--name', 'X', '--wijk', 'nergens']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^unknown wijk nergens; known: .*stratum.*\n$/);
  });

  it('refuses a missing required option or a role it does not know, with usage help', async () => {
    const missing = await bloei(['verbinder', 'add', '--wijk', 'stratum']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/required option '--name <name>' not specified/);
    const role = await bloei(['verbinder', 'add', '--name', 'Y', '--role', 'boss']);
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/Allowed choices are verbinder, coordinator/);
    expect(await app.prisma.verbinder.count({ where: { name: { in: ['X', 'Y'] } } })).toBe(0);
  });

  it('adds a wijk that flows then offer, without code changes', async () => {
    const run = await bloei(['wijk', 'add', '--id', 'achtste', '--name', 'Het achtste team']);
    expect(run.stdout).toBe('wijk achtste (Het achtste team) saved.\n');
    expect((await bloei(['wijk', 'list'])).stdout).toMatch(/^achtste {2}Het achtste team$/m);
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
    const run = await bloei(['checkin', 'invite', '--contact', contact.id]);
    expect(run.stdout).toBe('Check-in invitation saved; Bloei sends it within a minute.\n');
    const before = app.channel.sent.length;
    expect(await app.maintenance()).toMatchObject({ invitations: 1 });
    const sent = app.channel.sent.slice(before);
    expect(sent[0]?.text).toMatch(/^Even pas op de plaats/);
    expect(sent.at(-1)?.text).toBe('Door Buurt in Bloei ken ik meer mensen in mijn buurt.');
    expect(await app.maintenance()).toMatchObject({ invitations: 0 });
  });
});
