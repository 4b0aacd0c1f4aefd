/**
 * Every view that shows a name or anything else a person typed, rendered with a script in
 * each such field: nowhere does it become markup, and it reads as the person typed it.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import type { Indicators } from '../../../src/monitoring/indicators.js';
import { Layout } from '../../../src/web/components/layout.js';
import { CohortPreview } from '../../../src/web/screens/admin/cohort-view.js';
import { AdminOverview, CodeNotice } from '../../../src/web/screens/admin/view.js';
import { ExportLogPage, ExportPage } from '../../../src/web/screens/export/view.js';
import { HandoffView, InboxList } from '../../../src/web/screens/inbox/view.js';
import { IndicatorPage } from '../../../src/web/screens/indicators/view.js';
import { KaartList } from '../../../src/web/screens/kaart/list-view.js';
import { recordFromOffer } from '../../../src/web/screens/kaart/offer-form.js';
import { OfferPage } from '../../../src/web/screens/kaart/offer-view.js';
import { newOfferFields, type Offer } from '../../../src/kaart/offer.js';
import { LoginView } from '../../../src/web/screens/login/view.js';
import { MatchBoard } from '../../../src/web/screens/matches/view.js';
import { TalentSearch } from '../../../src/web/screens/talents/view.js';
import { html, render, scriptName as x, viewContext } from './render-view.js';

const now = new Date('2026-12-01T12:00:00Z');
const at = new Date('2026-12-01T09:00:00Z');
const wijken = new Map([['stratum', x]]);

describe('views escape what people typed', async () => {
  const ctx = await viewContext({ role: 'coordinator', name: x });
  const handoff = {
    number: 1,
    urgency: 'urgent',
    reason: 'safety',
    residentName: x,
    wijk: 'stratum',
    createdAt: at,
    claimedBy: x,
  };
  const signUp = {
    id: 'su-1',
    residentId: 'r-1',
    kind: 'offer',
    category: 'garden',
    description: x,
    availability: [],
    mobility: null,
    wijk: 'stratum',
    residentName: x,
    createdAt: at,
  };
  const request = { ...signUp, id: 'su-2', residentId: 'r-2', kind: 'request' };
  const offer: Offer = {
    ...newOfferFields(at),
    id: 'o-1',
    name: x,
    wijk: 'stratum',
    interests: ['cooking'],
    description: x,
    schedule: x,
    location: x,
    contact: x,
    volunteerTask: x,
    translations: { ar: { description: x } },
    nudgedAt: null,
  };
  const views: Record<string, JSX.Element> = {
    layout: Layout({ ctx, title: x, queues: true }),
    login: LoginView({ ctx, next: `/inbox?${x}`, problem: x }),
    inbox: InboxList({ ctx, status: 'open', handoffs: [handoff], wijken, now }),
    handoff: HandoffView({
      ctx,
      handoff: {
        ...handoff,
        id: 'h-1',
        status: 'open',
        residentLanguage: 'nl',
        channel: x,
        identities: [{ channel: 'telegram', externalId: '42' }],
        details: [
          { kind: 'telegram', value: x },
          { kind: 'phone', value: x },
        ],
        summary: {},
        notes: [{ text: x, author: x, createdAt: at }],
        claimedById: null,
        conversation: [
          {
            id: 'r-1',
            direction: 'in',
            author: null,
            text: x,
            mediaKind: null,
            savedReply: null,
            at,
            outcome: 'sent',
          },
        ],
      },
      answers: [x],
      outcome: 'claimed',
      wijken,
      now,
    }),
    matches: MatchBoard({
      ctx,
      signUps: [signUp, request],
      pairs: [
        { offer: signUp, request, score: 5, reasons: ['sameWijkAndCategory'], sharedTimes: [] },
      ],
      categories: ['garden'],
      category: 'garden',
      places: new Map([['su-1', [{ offerId: 'o-1', name: x }]]]),
      matches: [
        {
          id: 'm-1',
          kind: 'inwoner-ontwikkelplaats',
          first: { residentName: x },
          second: null,
          ontwikkelplaats: x,
          recordedAt: at,
          lasting: null,
        },
      ],
      wijken,
      wijk: 'stratum',
      done: undefined,
      refused: undefined,
      now,
    }),
    talents: TalentSearch({
      ctx,
      profiles: [
        {
          residentName: x,
          wijk: 'stratum',
          energy: x,
          skills: x,
          interests: [x],
          forOthers: x,
          ownWish: x,
          contactWish: false,
        },
      ],
      interests: new Map([[x, x]]),
      wijken,
      filter: { words: x, interest: x, wijk: 'stratum' },
    }),
    indicators: IndicatorPage({
      ctx,
      data: {
        indicators: {
          subgoals: [],
          counts: [],
          ladder: [{ cohort: x, training: 'dww', n: 1, before: 2, after: 3 }],
        } as unknown as Indicators,
        trend: { months: ['2026-01'], series: [{ metric: 'talentenscans', values: [1] }] },
        agreement: { months: [], series: [] },
        wijken: { groups: [{ wijk: 'stratum', values: [1, 0, 0, 0] }] },
        funnels: [
          { flowId: 'checkIn', title: x, stages: [{ label: x, count: 1 }], medianSeconds: 60 },
        ],
      },
      filter: { wijk: 'stratum', from: '2026-01', to: '2026-12' },
      wijken,
    }),
    kaart: KaartList({
      ctx,
      rows: [{ offer, ownerName: x, canEdit: true, stale: ['notChecked'] }],
      wijken,
      filter: { wijk: 'stratum', status: 'all' },
      canAdd: true,
      done: null,
      now,
    }),
    offer: OfferPage({
      ctx,
      offer,
      record: recordFromOffer(offer),
      problems: [{ line: 0, code: 'duplicate', column: 'name', value: x }],
      editable: true,
      wijken: [{ value: 'stratum', text: x }],
      interests: new Map([['cooking', x]]),
      owners: [{ value: 's-1', text: x }],
      stale: [],
      done: null,
      now,
    }),
    exports: ExportPage({
      ctx,
      filter: { from: '2026-01-01', to: '2026-12-01', wijk: 'stratum' },
      wijken,
    }),
    exportLog: ExportLogPage({
      ctx,
      entries: [
        {
          id: 'e-1',
          staffId: 's-1',
          staffName: x,
          kind: x,
          filters: { from: '2026-01-01', to: '2026-12-01', wijk: 'stratum' },
          rowCount: 3,
          at,
        },
      ],
      wijken,
    }),
    admin: AdminOverview({
      ctx,
      staff: [
        {
          id: 'v-1',
          name: x,
          role: 'verbinder',
          wijkName: x,
          login: x,
          linked: false,
          active: true,
        },
      ],
      wijken: [{ id: 'stratum', name: x, active: true }],
      languages: ['nl'],
    }),
    code: CodeNotice({ ctx, name: x, code: x, expiresAt: at }),
    cohort: CohortPreview({
      ctx,
      csv: x,
      report: { ok: false, errors: [x], rows: 0, newContacts: 0, newEnrolments: 0, late: 0 },
    }),
    cohortOk: CohortPreview({
      ctx,
      csv: x,
      report: { ok: true, errors: [], rows: 1, newContacts: 1, newEnrolments: 1, late: 0 },
    }),
  };

  it.each(Object.keys(views))('%s', async (name) => {
    const out = await html(views[name]!);
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    const page = await render(views[name]!);
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});
