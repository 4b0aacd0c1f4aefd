/**
 * The end of a talentenscan on a real kaart: the example file imported with the `kaart`
 * command, then a resident in Stratum who likes cooking, through the real pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { OutboundMessage } from '../../src/conversations/messages.js';
import { runBloei } from '../cli/support/run-bloei.js';
import { say } from '../support/conversation-driver.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { examplePath, exampleOffers, stratumCookNl } from './stratum-cook.js';

const text = (messages: OutboundMessage[]) => messages.map((m) => m.text).join('\n');

describe('the talentenscan ends with places from the kaart', () => {
  let db: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    const run = await runBloei(['kaart', 'import', examplePath], {
      prisma: app.prisma,
      now: app.clock.now,
    });
    expect(run.code, run.stderr).toBe(0);
    await app.kaart.catalogue.refresh();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const contactOf = (userId: string) =>
    app.prisma.contact.findFirstOrThrow({
      where: { identities: { some: { channel: 'simulator', externalId: userId } } },
    });
  const elsewhere = exampleOffers().filter((o) => o.wijk !== 'stratum' && o.wijk !== 'all');

  it('names cooking places in Stratum, none elsewhere; "I\'d like to go" raises a hand-off', async () => {
    const access = await say(app, 'cook-1', ...stratumCookNl);
    expect(text(access)).toMatch(/^Ik zoek nu plekken bij jou in de buurt/);
    expect(access.at(-1)?.choices.map((c) => c.label)).toEqual([
      'Ik gebruik een rolstoel',
      'Dicht bij een bushalte',
      'Niets nodig',
    ]);

    const offers = text(await say(app, 'cook-1', '3'));
    expect(offers).toMatch(/^Deze plekken passen bij jou:/);
    expect(offers).toContain('Kookcafé De Pollepel (voorbeeld): dinsdag 16.00–20.00');
    expect(offers).toContain('Soepbar Het Fornuis (voorbeeld)');
    for (const other of elsewhere) expect(offers).not.toContain(other.name);

    expect(text(await say(app, 'cook-1', '1'))).toBe(
      'Kookcafé De Pollepel (voorbeeld): wat wil je doen?',
    );
    const go = text(await say(app, 'cook-1', '1'));
    expect(go).toMatch(/^Fijn dat je erheen wilt!/);
    expect(go).toContain('Waar: Buurthuis Voorbeeldstraat 12, Stratum');
    expect(go).toContain("Typ 'menu'");

    const contact = await contactOf('cook-1');
    expect(contact.wijk).toBe('stratum');
    const handoffs = await app.prisma.handoff.findMany({ where: { contactId: contact.id } });
    expect(handoffs.map((h) => h.reason)).toEqual(['offer_go']);
    const choices = await app.prisma.offerChoice.findMany({
      where: { contactId: contact.id },
      include: { offer: true },
    });
    expect(choices.map((c) => [c.offer.name, c.action])).toEqual([
      ['Kookcafé De Pollepel (voorbeeld)', 'go'],
    ]);
    // What steers the conversation (which offer, what access) is not kept as an answer.
    const answers = await app.prisma.answer.findMany({ where: { contactId: contact.id } });
    expect(answers.map((a) => a.name)).not.toContain('offer');
    expect(answers.map((a) => a.name)).toContain('interests');
  });

  it('"send me the details" sends the card and the scan ends as before, without a hand-off', async () => {
    await say(app, 'cook-2', ...stratumCookNl, '3');
    const card = text(await say(app, 'cook-2', '2', '2'));
    expect(card).toMatch(/^Hier zijn de gegevens:\nSoepbar Het Fornuis \(voorbeeld\)\n/);
    expect(card).toContain('Contact: ');
    expect(card).toMatch(/mag je vrijwilligerswerk doen/);
    expect(text(await say(app, 'cook-2', 'nee'))).toMatch(/^Prima! Je antwoorden zijn bewaard/);
    const contact = await contactOf('cook-2');
    expect(await app.prisma.handoff.count({ where: { contactId: contact.id } })).toBe(0);
    const choice = await app.prisma.offerChoice.findFirstOrThrow({
      where: { contactId: contact.id },
    });
    expect(choice.action).toBe('details');
  });

  it('"wat is er te doen" browses the resident\'s wijk by interest, then goes back', async () => {
    const interests = await say(app, 'cook-2', 'wat is er te doen');
    expect(text(interests)).toMatch(/^Waar heb je zin in\?/);
    const labels = interests.at(-1)!.choices.map((c) => c.label);
    expect(labels).toContain('Koken of bakken');
    expect(labels.at(-1)).toBe('Klaar');
    const list = text(await say(app, 'cook-2', 'Koken of bakken'));
    expect(list).toMatch(/^Dit is er te doen \(Koken of bakken\):/);
    expect(list).toContain('Kookcafé De Pollepel (voorbeeld)');
    for (const other of elsewhere) expect(list).not.toContain(other.name);
    expect(text(await say(app, 'cook-2', 'Klaar'))).toMatch(/^Veel plezier!/);
  });

  it('refuses a file with an unknown wijk whole, naming its line; a dry run stores nothing', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'kaart-'));
    try {
      const path = join(dir, 'kaart.csv');
      await writeFile(
        path,
        [
          'name,wijk,interests,description,when,where,contact,languages',
          'Nieuwe kookclub,stratum,cooking,Samen koken.,vrijdag,Buurthuis,kook@example.org,nl',
          'Kookclub Nergens,nergenshuizen,cooking,Samen koken.,vrijdag,Buurthuis,x@example.org,nl',
        ].join('\n'),
      );
      const before = await app.prisma.offer.count();
      const refused = await runBloei(['kaart', 'import', path], { prisma: app.prisma });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/line 3\b.*wijk.*nergenshuizen/);
      expect(refused.stdout).toMatch(/Nothing was imported: 1 problem/);
      await writeFile(
        path,
        [
          'name,wijk,interests,description,when,where,contact,languages',
          'Nieuwe kookclub,stratum,cooking,Samen koken.,vrijdag,Buurthuis,kook@example.org,nl',
        ].join('\n'),
      );
      const checked = await runBloei(['kaart', 'import', path, '--dry-run'], {
        prisma: app.prisma,
      });
      expect(checked.stdout).toMatch(/Dry run, nothing was stored: 1 lines would give 1 new/);
      expect(await app.prisma.offer.count()).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
