import { describe, expect, it } from 'vitest';
import type { CampaignRow } from '../../../../src/store/campaign-repository.js';
import type { AudienceChoice } from '../../../../src/store/finders/campaign-finder.js';
import { CampaignPreview, CampaignsPage } from '../../../../src/web/screens/campaigns/view.js';
import { render, viewContext } from '../render-view.js';

const choices: AudienceChoice[] = [
  { kind: 'wijk', value: 'stratum', name: 'Stratum' },
  { kind: 'cohort', value: 'c-1', name: 'DWW voorjaar 2026' },
  { kind: 'consent', value: 'monitoring', name: 'monitoring' },
];
const campaign = (over: Partial<CampaignRow>): CampaignRow => ({
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  name: 'Buurtfeest',
  kind: 'message',
  texts: { nl: 'Hoi' },
  audience: 'cohort',
  audienceValue: 'c-1',
  startAt: new Date('2026-10-25T16:00:00Z'),
  status: 'running',
  createdBy: 'staff-1',
  createdAt: new Date('2026-10-20T10:00:00Z'),
  stoppedAt: null,
  ...over,
});
const progress = { recipients: 5, pending: 2, sending: 0, sent: 3, skipped: 0, cancelled: 0 };

describe(CampaignsPage.name, () => {
  it('lists campaigns in words, with progress and a stop button only while some wait', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const page = await render(
      CampaignsPage({
        ctx,
        campaigns: [
          { campaign: campaign({}), progress },
          {
            campaign: campaign({ id: 'x-2', name: 'Oud', status: 'stopped' }),
            progress: { ...progress, pending: 0, cancelled: 2 },
          },
        ],
        choices,
        languages: ['nl', 'en'],
      }),
    );
    const rows = page.querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelectorAll('td').map((td) => td.text.trim()))).toEqual([
      [
        'Buurtfeest',
        'Cohort DWW voorjaar 2026',
        // 17:00 in Amsterdam on the day winter time starts.
        '25-10-2026 17:00',
        'Loopt',
        '5 inwoners: 3 verstuurd, 2 wachten, 0 overgeslagen, 0 niet verstuurd',
        'Stoppen',
      ],
      [
        'Oud',
        'Cohort DWW voorjaar 2026',
        '25-10-2026 17:00',
        'Gestopt',
        '5 inwoners: 3 verstuurd, 0 wachten, 0 overgeslagen, 2 niet verstuurd',
        '',
      ],
    ]);
    expect(page.querySelectorAll('form[action="/campaigns/preview"] textarea').length).toBe(2);
    expect(page.toString()).not.toContain('c-1<');
  });
});

describe(CampaignPreview.name, () => {
  it('counts per language and channel by name, carrying the draft to the start', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const page = await render(
      CampaignPreview({
        ctx,
        draft: {
          name: 'Buurtfeest',
          kind: 'message',
          audience: 'consent:monitoring',
          at: '',
          texts: { nl: 'Hoi', en: 'Hi' },
        },
        count: { total: 3, byLanguage: { nl: 2, ar: 1 }, byChannel: { telegram: 3 } },
        choices,
        languages: ['nl', 'en'],
      }),
    );
    expect(page.querySelector('p')!.text).toBe(
      'Toestemming: anoniem gebruik, om te zien wat Buurt in Bloei oplevert: 3 inwoners krijgen dit bericht.',
    );
    const cells = page.querySelectorAll('td').map((td) => td.text.trim());
    expect(cells).toEqual(['Nederlands', '2', 'العربية', '1', 'Telegram', '3']);
    const start = page.querySelector('form[action="/campaigns/start"]')!;
    expect(start.querySelector('input[name="text_en"]')!.getAttribute('value')).toBe('Hi');
    expect(start.querySelector('button')!.text).toBe('Versturen naar 3 inwoners');
  });
});
