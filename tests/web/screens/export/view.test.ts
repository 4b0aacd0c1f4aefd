import { describe, expect, it } from 'vitest';
import { ExportLogPage, ExportPage } from '../../../../src/web/screens/export/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const wijken = new Map([
  ['stratum', 'Stratum'],
  ['gestel', 'Gestel'],
]);
const filter = { from: '2026-01-01', to: '2026-12-06', wijk: 'stratum' };

describe(ExportPage.name, () => {
  it('offers a verbinder the five downloads of her own wijk, without a wijk to choose', async () => {
    const page = await render(ExportPage({ ctx: await viewContext(), filter, wijken }));
    const links = page.querySelectorAll('ul.downloads a[download]');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      ['scans', 'signups', 'matches', 'handoffs', 'checkins'].map(
        (kind) => `/export/${kind}.csv?from=2026-01-01&to=2026-12-06`,
      ),
    );
    expect(textOf(links[1])).toBe('Download WIJ match-aanmeldingen (CSV)');
    expect(page.querySelector('select#wijk')).toBeNull();
    expect(page.toString()).toContain('Je exporteert alleen gegevens uit je eigen wijk: Stratum.');
    expect(page.querySelector('a[href="/export/log"]')).toBeNull();
    expect(page.querySelector('input#from')?.getAttribute('value')).toBe('2026-01-01');
  });

  it('lets a coordinator choose the wijk, carries it into every link and shows the log', async () => {
    const ctx = await viewContext({ role: 'coordinator', wijkId: null });
    const page = await render(ExportPage({ ctx, filter, wijken }));
    expect(page.querySelector('select#wijk option[selected]')?.getAttribute('value')).toBe(
      'stratum',
    );
    expect(
      page
        .querySelectorAll('ul.downloads a')
        .every((a) => a.getAttribute('href')!.endsWith('&wijk=stratum')),
    ).toBe(true);
    expect(page.querySelector('a[href="/export/log"]')).not.toBeNull();
  });
});

describe(ExportLogPage.name, () => {
  it('shows who exported which records, with the filters in words and the rows', async () => {
    const ctx = await viewContext({ role: 'coordinator', wijkId: null });
    const page = await render(
      ExportLogPage({
        ctx,
        wijken,
        entries: [
          {
            id: 'e-1',
            staffId: 's-1',
            staffName: 'Anna',
            kind: 'signups',
            filters: { from: '2026-01-01', to: '2026-12-06', wijk: 'gestel' },
            rowCount: 12,
            at: new Date('2026-12-06T09:30:00Z'),
          },
          {
            id: 'e-2',
            staffId: 's-2',
            staffName: 'Carla',
            kind: 'scans',
            filters: { from: '2026-11-01', to: '2026-11-30', wijk: null },
            rowCount: 0,
            at: new Date('2026-12-06T08:00:00Z'),
          },
        ],
      }),
    );
    const rows = page.querySelectorAll('#export-log tbody tr');
    expect(rows.map((r) => r.querySelectorAll('td').slice(1).map(textOf))).toEqual([
      ['Anna', 'WIJ match-aanmeldingen', '1 jan 2026 t/m 6 dec 2026 · Gestel', '12'],
      ['Carla', 'Talentenscans', '1 nov 2026 t/m 30 nov 2026 · Alle wijken', '0'],
    ]);
    expect(rows[0]!.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-12-06T09:30:00.000Z',
    );
  });

  it('says when nothing was exported yet', async () => {
    const ctx = await viewContext({ role: 'coordinator', wijkId: null });
    const page = await render(ExportLogPage({ ctx, wijken, entries: [] }));
    expect(textOf(page.querySelector('p.notice'))).toBe('Er is nog niets geëxporteerd.');
  });
});
