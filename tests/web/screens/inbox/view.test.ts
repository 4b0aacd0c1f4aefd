import { describe, expect, it } from 'vitest';
import type { HandoffDetail, HandoffListItem } from '../../../../src/store/finders/inbox-finder.js';
import { HandoffView, InboxList } from '../../../../src/web/screens/inbox/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-01T12:00:00Z');
const wijken = new Map([['stratum', 'Stratum']]);
const item = (over: Partial<HandoffListItem> = {}): HandoffListItem => ({
  number: 12,
  urgency: 'normal',
  reason: 'contact_requested',
  residentName: 'Fatima',
  wijk: 'stratum',
  createdAt: new Date('2026-12-01T09:00:00Z'),
  claimedBy: null,
  ...over,
});
const detail = (over: Partial<HandoffDetail> = {}): HandoffDetail => ({
  ...item(),
  id: 'h-12',
  status: 'open',
  residentLanguage: 'ar',
  channel: 'telegram',
  identities: [{ channel: 'telegram', externalId: '4242' }],
  details: [],
  summary: {},
  notes: [],
  claimedById: null,
  conversation: [],
  ...over,
});

describe(InboxList.name, () => {
  it('tells coordinators which open hand-offs nobody could receive, and where to link someone', async () => {
    const ctx = await viewContext();
    const page = await render(
      InboxList({ ctx, status: 'open', handoffs: [item()], wijken, now, unreached: [12, 15] }),
    );
    const alert = page.querySelector('[role=alert]');
    expect(textOf(alert!)).toContain('#12, #15');
    expect(textOf(alert!)).toContain('telefoonnummer van WIJeindhoven');
    expect(alert!.querySelector('a')?.getAttribute('href')).toBe('/admin');
    const quiet = await render(InboxList({ ctx, status: 'open', handoffs: [], wijken, now }));
    expect(quiet.querySelector('[role=alert]')).toBeNull();
  });

  it('lists hand-offs with their number, urgency, reason, resident, wijk and age', async () => {
    const ctx = await viewContext();
    const page = await render(
      InboxList({
        ctx,
        status: 'open',
        handoffs: [
          item({ urgency: 'urgent', reason: 'safety' }),
          item({ number: 13, residentName: null, wijk: null }),
        ],
        wijken,
        now,
      }),
    );
    const rows = page.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe('/inbox/12');
    expect(rows[0]!.querySelector('.urgent')).not.toBeNull();
    expect(rows[0]!.querySelectorAll('td').map((td) => td.getAttribute('data-label'))).toEqual([
      '#',
      'Urgentie',
      'Reden',
      'Inwoner',
      'Wijk',
      'Sinds',
      'Opgepakt door',
    ]);
    expect(textOf(rows[0]!)).toContain('Fatima');
    expect(textOf(rows[0]!)).toContain('Stratum');
    expect(textOf(rows[0]!)).toContain('3 uur geleden');
    expect(rows[1]!.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-12-01T09:00:00.000Z',
    );
    expect(textOf(page.querySelector('caption'))).toBe(
      '2 hand-offs, dringend eerst, dan de oudste',
    );
    expect(page.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe(
      '/inbox?status=open',
    );
  });

  it('says so when there is nothing with this status', async () => {
    const ctx = await viewContext();
    const page = await render(InboxList({ ctx, status: 'closed', handoffs: [], wijken, now }));
    expect(page.querySelector('table')).toBeNull();
    expect(textOf(page.querySelector('.notice'))).toBe(
      'Geen hand-offs met deze status in jouw wijk.',
    );
  });
});

describe(HandoffView.name, () => {
  it('shows the resident’s answers once bulleted, and claim and close while it is open', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail(),
        answers: ['• Goed in: koken', '• Wil graag: Nederlands leren'],
        outcome: undefined,
        wijken,
        now,
      }),
    );
    const list = page.querySelector('ul.lines');
    expect(list?.querySelectorAll('li').map(textOf)).toEqual([
      '• Goed in: koken',
      '• Wil graag: Nederlands leren',
    ]);
    expect(page.querySelectorAll('form').map((f) => f.getAttribute('action'))).toEqual([
      '/inbox/12/claim',
      '/inbox/12/close',
      '/inbox/12/note',
    ]);
    expect(
      page.querySelectorAll('input[name="_csrf"]').map((i) => i.getAttribute('value')),
    ).toEqual(['csrf-token-1', 'csrf-token-1', 'csrf-token-1']);
    expect(textOf(page.querySelector('dl'))).toContain('Fatima · taal: Arabisch · via telegram');
  });

  it('links every way to reach the resident directly, in words', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({
          identities: [
            { channel: 'whatsapp', externalId: '31612345678@c.us' },
            { channel: 'telegram', externalId: '4242' },
          ],
          details: [
            { kind: 'telegram', value: 'fatima_ehv' },
            { kind: 'phone', value: '+31402123456' },
          ],
        }),
        answers: [],
        outcome: undefined,
        wijken,
        now,
      }),
    );
    const links = page.querySelectorAll('ul.reach a');
    expect(links.map((a) => [a.getAttribute('href'), textOf(a)])).toEqual([
      ['https://wa.me/31612345678', 'WhatsApp-nummer +31 6 12345678'],
      ['https://t.me/fatima_ehv', 'Telegram-naam @fatima_ehv'],
      ['tel:+31402123456', 'bellen +31 40 2123456 (nummer van de inwoner zelf)'],
    ]);
  });

  it('says a resident without an account link is reachable through Bloei only', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({ identities: [{ channel: 'webchat', externalId: 'w-1' }] }),
        answers: [],
        outcome: undefined,
        wijken,
        now,
      }),
    );
    expect(page.querySelector('ul.reach')).toBeNull();
    expect(textOf(page.querySelector('dl'))).toContain('alleen via Bloei');
  });

  it('says what the last action did, and offers no claim once claimed', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({ status: 'claimed', claimedBy: 'Anna' }),
        answers: [],
        outcome: 'claimed',
        wijken,
        now,
      }),
    );
    expect(textOf(page.querySelector('[role="status"]'))).toBe(
      'Je hebt #12 opgepakt. Fatima krijgt bericht dat jij contact opneemt.',
    );
    expect(page.querySelector('form[action="/inbox/12/claim"]')).toBeNull();
    expect(page.querySelector('form[action="/inbox/12/close"]')).not.toBeNull();
    expect(textOf(page)).toContain('Geen antwoorden bij deze hand-off.');
  });

  it('shows notes with their author', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({
          notes: [
            {
              text: 'Gebeld, komt dinsdag.',
              author: 'Anna',
              createdAt: new Date('2026-12-01T11:00:00Z'),
            },
          ],
        }),
        answers: [],
        outcome: 'noteAdded',
        wijken,
        now,
      }),
    );
    const note = page.querySelector('li.card');
    expect(textOf(note)).toContain('Gebeld, komt dinsdag.');
    expect(textOf(note)).toContain('Anna · 1 uur geleden');
    expect(textOf(page.querySelector('[role="status"]'))).toBe('Notitie opgeslagen.');
  });
});

describe('the conversation of a hand-off', () => {
  const line = (over: Partial<HandoffDetail['conversation'][number]>) => ({
    id: 'r-1',
    direction: 'in',
    author: null,
    text: null,
    mediaKind: null,
    savedReply: null,
    at: new Date('2026-12-01T11:00:00Z'),
    outcome: 'sent',
    ...over,
  });

  it('shows who wrote what and whether it arrived, and the reply box to whoever claimed it', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({
          status: 'claimed',
          claimedBy: 'Anna',
          claimedById: 'staff-1',
          conversation: [
            line({ direction: 'out', author: 'Anna', savedReply: 'bel-morgen' }),
            line({ text: 'Goed, tot morgen' }),
            line({ mediaKind: 'voice', outcome: null }),
            line({ direction: 'out', author: 'Anna', text: 'Fijn!', outcome: 'failed' }),
          ],
        }),
        answers: [],
        outcome: 'replySent',
        wijken,
        now,
      }),
    );
    expect(textOf(page.querySelector('[role="status"]'))).toBe('Verstuurd aan Fatima (#12).');
    // Each line is two paragraphs: what was said, then when and whether it arrived.
    expect(page.querySelectorAll('ol.lines li').map(textOf)).toEqual([
      'Anna: Ik bel je morgen tussen 10 en 12 uur. Lukt dat niet? Stuur me dan een berichtje.1 uur geleden · afgeleverd',
      'Fatima: Goed, tot morgen1 uur geleden · afgeleverd',
      'Fatima: (stuurde een spraakbericht)1 uur geleden · wacht op verzending',
      'Anna: Fijn!1 uur geleden · niet afgeleverd',
    ]);
    const form = page.querySelector('form[action="/inbox/12/reply"]');
    expect(form?.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBe('csrf-token-1');
    expect(
      form?.querySelectorAll('select[name="saved"] option').map((o) => o.getAttribute('value')),
    ).toEqual(['', 'bel-morgen', 'buurthuis', 'collega', 'typ-maar']);
  });

  it('offers no reply box to someone who did not claim it', async () => {
    const ctx = await viewContext();
    const page = await render(
      HandoffView({
        ctx,
        handoff: detail({ status: 'claimed', claimedBy: 'Bea', claimedById: 'staff-2' }),
        answers: [],
        outcome: undefined,
        wijken,
        now,
      }),
    );
    expect(page.querySelector('form[action="/inbox/12/reply"]')).toBeNull();
    expect(textOf(page)).toContain('Pak de hand-off op om de inwoner te antwoorden.');
  });
});
