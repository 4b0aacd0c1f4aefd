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
  summary: {},
  notes: [],
  ...over,
});

describe(InboxList.name, () => {
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
