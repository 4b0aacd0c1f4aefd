/**
 * The WIJ match board: open offers and requests side by side per wijk and category, a form
 * to record a match (which two, which kind), and the recent matches, to be marked lasting or
 * not later on. A verbinder sees their own wijk; a coordinator chooses.
 */
import type { FastifyInstance } from 'fastify';
import { judgeMatch, MatchRefused, matchKinds, recordMatch } from '../wijmatch/record-match.js';
import { formatAge } from './format-age.js';
import { html } from './html.js';
import type { PageContext } from './page-context.js';
import { wijkNames } from './wijk-names.js';
import type { Web } from './web-server.js';

const refusals = ['shape', 'notOpen', 'otherWijk'] as const;

/** The wijken a staff member works in (null: all), narrowed by the chosen filter. */
function wijkScope(ctx: PageContext, chosen: string | undefined): string | null {
  if (ctx.staff!.role !== 'coordinator') return ctx.staff!.wijkId ?? '\u0000';
  return chosen ? chosen : null;
}

export function registerMatchRoutes(app: FastifyInstance, web: Web): void {
  const { prisma, store, clock } = web.deps;

  app.get('/matches', async (request, reply) => {
    const ctx = web.context(request);
    const query = request.query as { wijk?: string; done?: string; refused?: string };
    const wijk = wijkScope(ctx, query.wijk);
    const signUps = await prisma.signUp.findMany({
      where: { status: 'open', ...(wijk ? { wijk } : {}) },
      orderBy: { createdAt: 'asc' },
      take: 500,
      include: { contact: { select: { firstName: true } } },
    });
    const matches = await prisma.match.findMany({
      where: wijk ? { wijk } : {},
      orderBy: { recordedAt: 'desc' },
      take: 50,
      include: {
        first: { include: { contact: { select: { firstName: true } } } },
        second: { include: { contact: { select: { firstName: true } } } },
      },
    });
    const wijken = await wijkNames(prisma);
    const now = clock();
    const label = (key: string) => ctx.render({ key, params: {} });
    const who = (s: { contact: { firstName: string | null } } | null) =>
      s?.contact.firstName ?? ctx.t('matches.anonymous');
    const card = (s: (typeof signUps)[number]) =>
      html`<li class="card">
        <p>
          <strong>${who(s)}</strong> · ${s.wijk ? (wijken.get(s.wijk) ?? s.wijk) : '–'} ·
          <time datetime="${s.createdAt.toISOString()}"
            >${formatAge(s.createdAt, now, ctx.language)}</time
          >
        </p>
        <p>${s.description}</p>
        ${s.availability.length > 0 && html`<p><small>${ctx.t('matches.when')}: ${s.availability.map((a) => label(`wijMatch.times.${a}`)).join(', ')}</small></p>`}
      </li>`;
    const groups = new Map<string, typeof signUps>();
    for (const s of signUps) {
      const key = `${s.wijk ?? ''}\u0000${s.category}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const board = [...groups.entries()].map(([key, list]) => {
      const [groupWijk = '', category = ''] = key.split('\u0000');
      const offers = list.filter((s) => s.kind !== 'request');
      const requests = list.filter((s) => s.kind !== 'offer');
      return html`<section class="card">
        <h3>
          ${wijken.get(groupWijk) ?? (groupWijk || '–')} ·
          ${label(`wijMatch.categories.${category}`)}
        </h3>
        <div class="columns">
          <div>
            <h4>${ctx.t('matches.offers', { count: offers.length })}</h4>
            <ul>
              ${offers.map(card)}
            </ul>
          </div>
          <div>
            <h4>${ctx.t('matches.requests', { count: requests.length })}</h4>
            <ul>
              ${requests.map(card)}
            </ul>
          </div>
        </div>
      </section>`;
    });
    const option = (s: (typeof signUps)[number]) =>
      html`<option value="${s.id}">
        ${who(s)} · ${label(`wijMatch.categories.${s.category}`)} · ${s.description.slice(0, 60)}
      </option>`;
    const refused = refusals.find((r) => r === query.refused);
    const csrf = html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />`;
    const body = html`${query.done === 'recorded' && html`<p class="notice" role="status">${ctx.t('matches.recorded')}</p>`}
      ${query.done === 'judged' && html`<p class="notice" role="status">${ctx.t('matches.judged')}</p>`}
      ${refused && html`<p class="error" role="alert">${ctx.t(`matches.refused.${refused}`)}</p>`}
      ${
        ctx.staff!.role === 'coordinator' &&
        html`<form method="get" action="/matches" class="filters inline">
          <label for="wijk">${ctx.t('filters.wijk')}</label>
          <select id="wijk" name="wijk">
            <option value="">${ctx.t('filters.allWijken')}</option>
            ${[...wijken].map(([id, name]) => html`<option value="${id}" ${id === wijk ? html` selected` : ''}>${name}</option>`)}
          </select>
          <button type="submit">${ctx.t('filters.show')}</button>
        </form>`
      }
      <h2>${ctx.t('matches.board')}</h2>
      ${board.length === 0 ? html`<p class="notice">${ctx.t('matches.empty')}</p>` : board}
      <h2>${ctx.t('matches.record')}</h2>
      <form method="post" action="/matches" class="card">
        ${csrf}
        <label for="kind">${ctx.t('matches.kind')}</label>
        <select id="kind" name="kind">
          ${matchKinds.map((k) => html`<option value="${k}">${ctx.t(`matches.kinds.${k}`)}</option>`)}
        </select>
        <label for="first">${ctx.t('matches.first')}</label>
        <select id="first" name="first">
          <option value="">–</option>
          ${signUps.filter((s) => s.kind !== 'request').map(option)}
        </select>
        <label for="second">${ctx.t('matches.second')}</label>
        <select id="second" name="second">
          <option value="">–</option>
          ${signUps.filter((s) => s.kind !== 'offer').map(option)}
        </select>
        <label for="ontwikkelplaats">${ctx.t('matches.ontwikkelplaats')}</label>
        <input id="ontwikkelplaats" name="ontwikkelplaats" maxlength="200" />
        <p><button type="submit">${ctx.t('matches.save')}</button></p>
      </form>
      <h2>${ctx.t('matches.recent')}</h2>
      ${
        matches.length === 0
          ? html`<p>${ctx.t('matches.none')}</p>`
          : html`<table class="responsive">
              <thead>
                <tr>
                  <th>${ctx.t('matches.kind')}</th>
                  <th>${ctx.t('matches.between')}</th>
                  <th>${ctx.t('matches.when')}</th>
                  <th>${ctx.t('matches.lasting')}</th>
                </tr>
              </thead>
              <tbody>
                ${matches.map(
                  (m) =>
                    html`<tr>
                      <td data-label="${ctx.t('matches.kind')}">
                        ${ctx.t(`matches.kinds.${m.kind}`)}
                      </td>
                      <td data-label="${ctx.t('matches.between')}">
                        ${[m.first && who(m.first), m.second && who(m.second), m.ontwikkelplaats].filter(Boolean).join(' ↔ ')}
                      </td>
                      <td data-label="${ctx.t('matches.when')}">
                        <time datetime="${m.recordedAt.toISOString()}"
                          >${formatAge(m.recordedAt, now, ctx.language)}</time
                        >
                      </td>
                      <td data-label="${ctx.t('matches.lasting')}">
                        ${
                          m.lasting === null
                            ? html`<form
                                method="post"
                                action="/matches/${m.id}/lasting"
                                class="inline"
                              >
                                ${csrf}
                                <button type="submit" name="lasting" value="yes">
                                  ${ctx.t('matches.lastingYes')}
                                </button>
                                <button type="submit" name="lasting" value="no" class="secondary">
                                  ${ctx.t('matches.lastingNo')}
                                </button>
                              </form>`
                            : ctx.t(m.lasting ? 'matches.lasted' : 'matches.notLasted')
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`;
    return web.page(reply, ctx, ctx.t('matches.title'), body, 'matches');
  });

  app.post('/matches', async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as Record<string, string | undefined>;
    const kind = matchKinds.find((k) => k === body['kind']);
    if (!kind) return web.refuse(reply, ctx, 400, 'badRequest');
    const staff = ctx.staff!;
    try {
      await recordMatch(store, {
        kind,
        signUpIds: [body['first'], body['second']].filter((id): id is string => Boolean(id)),
        ontwikkelplaats: body['ontwikkelplaats']?.trim().slice(0, 200) || null,
        wijken: staff.role === 'coordinator' ? null : staff.wijkId ? [staff.wijkId] : [],
        recordedById: staff.id,
        at: clock(),
      });
    } catch (error) {
      if (!(error instanceof MatchRefused)) throw error;
      return reply.redirect(`/matches?refused=${error.reason}`, 303);
    }
    return reply.redirect('/matches?done=recorded', 303);
  });

  app.post('/matches/:id/lasting', async (request, reply) => {
    const ctx = web.context(request);
    const { id } = request.params as { id: string };
    const match = await prisma.match.findUnique({ where: { id } });
    if (!match) return web.refuse(reply, ctx, 404, 'notFound');
    const staff = ctx.staff!;
    if (staff.role !== 'coordinator' && match.wijk !== staff.wijkId) {
      return web.refuse(reply, ctx, 403, 'forbidden');
    }
    const lasting = (request.body as { lasting?: string }).lasting;
    if (lasting !== 'yes' && lasting !== 'no') return web.refuse(reply, ctx, 400, 'badRequest');
    await judgeMatch(store, match.id, lasting === 'yes', clock());
    return reply.redirect('/matches?done=judged', 303);
  });
}
