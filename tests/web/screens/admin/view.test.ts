import { describe, expect, it } from 'vitest';
import type { StaffListItem } from '../../../../src/store/finders/admin-finder.js';
import { CohortPreview } from '../../../../src/web/screens/admin/cohort-view.js';
import { AdminOverview, CodeNotice } from '../../../../src/web/screens/admin/view.js';
import { render, textOf, viewContext } from '../render-view.js';

const staff: StaffListItem[] = [
  {
    id: 'v-1',
    name: 'Anna',
    role: 'verbinder',
    wijkName: 'Stratum',
    login: 'anna',
    linked: true,
    active: true,
  },
  {
    id: 'v-2',
    name: 'Bert',
    role: 'coordinator',
    wijkName: null,
    login: null,
    linked: false,
    active: false,
  },
];
const wijken = [
  { id: 'stratum', name: 'Stratum', active: true },
  { id: 'gestel', name: 'Gestel', active: false },
];
const languages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];

describe(AdminOverview.name, () => {
  it('lists the staff with role, wijk, login and chat, and a (de)activate button each', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const page = await render(AdminOverview({ ctx, staff, wijken, languages }));
    const rows = page.querySelectorAll(
      '#verbinders ~ table tbody tr, section[aria-labelledby="verbinders"] tbody tr',
    );
    expect(rows.map((r) => r.querySelectorAll('td').slice(0, 5).map(textOf))).toEqual([
      ['Anna', 'Verbinder', 'Stratum', 'anna', 'gekoppeld'],
      ['Bert inactief', 'Coördinator', '–', '–', 'niet gekoppeld'],
    ]);
    const toggle = rows[1]!.querySelector('form[action="/admin/verbinders/v-2/active"]');
    expect(toggle?.querySelector('input[name="active"]')?.getAttribute('value')).toBe('yes');
    expect(textOf(toggle?.querySelector('button'))).toBe('Activeren');
  });

  it('preselects the coordinator’s own language for a new staff member, and only wijken in use', async () => {
    const selected = async (language: string) =>
      (
        await render(
          AdminOverview({
            ctx: await viewContext({ role: 'coordinator', language }),
            staff,
            wijken,
            languages,
          }),
        )
      )
        .querySelector('#v-language option[selected]')
        ?.getAttribute('value');
    expect(await selected('nl')).toBe('nl');
    expect(await selected('tr')).toBe('tr');
    const page = await render(
      AdminOverview({ ctx: await viewContext({ role: 'coordinator' }), staff, wijken, languages }),
    );
    expect(page.querySelectorAll('#v-wijk option').map((o) => o.getAttribute('value'))).toEqual([
      '',
      'stratum',
    ]);
    expect(page.querySelectorAll('#v-language option').map(textOf)).toContain('Türkçe');
  });

  it('uploads a cohort with the token in the query string (a multipart form)', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const page = await render(AdminOverview({ ctx, staff: [], wijken: [], languages }));
    const upload = page.querySelector('form[enctype="multipart/form-data"]');
    expect(upload?.getAttribute('action')).toBe('/admin/cohorts/preview?_csrf=csrf-token-1');
  });
});

describe(CodeNotice.name, () => {
  it('shows a new link code once, with until when it works', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const page = await render(
      CodeNotice({
        ctx,
        name: 'Dewi',
        code: 'BLOEI-AB12-CD34',
        expiresAt: new Date('2026-12-04T11:00:00Z'),
      }),
    );
    expect(textOf(page.querySelector('#link-code'))).toBe('BLOEI-AB12-CD34');
    expect(textOf(page)).toContain('Koppelcode voor Dewi');
    expect(textOf(page)).toContain('4-12-2026');
  });
});

describe(CohortPreview.name, () => {
  it('keeps the checked file to confirm, or says what is wrong and stores nothing', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const csv = 'first_name,channel\n"Sam & Co",telegram\n';
    const ok = await render(
      CohortPreview({
        ctx,
        csv,
        report: { ok: true, errors: [], rows: 1, newContacts: 1, newEnrolments: 1, late: 0 },
      }),
    );
    expect(ok.querySelector('textarea[name="csv"]')?.textContent).toBe(csv);
    expect(textOf(ok.querySelector('button'))).toBe('Importeer 1 regel');
    const broken = await render(
      CohortPreview({
        ctx,
        csv,
        report: {
          ok: false,
          errors: ['line 2: unknown wijk atlantis'],
          rows: 0,
          newContacts: 0,
          newEnrolments: 0,
          late: 0,
        },
      }),
    );
    expect(broken.querySelector('textarea')).toBeNull();
    expect(textOf(broken.querySelector('[role="alert"]'))).toContain(
      'line 2: unknown wijk atlantis',
    );
  });
});
