/**
 * Talent profiles: residents who finished a talentenscan and whose consent for contact and
 * matching stands, searchable by talent or interest and wijk. A verbinder sees their own
 * wijk; a coordinator every wijk.
 */
import { Type } from 'typebox';
import type { FlowRegistry } from '../flows/engine.js';
import { html } from './html.js';
import type { PageContext } from './page-context.js';
import { line, query } from './request-schema.js';
import { wijkNames } from './wijk-names.js';
import type { Web, WebApp } from './web-server.js';

const searchQuery = query({
  q: Type.Optional(line(100)),
  interest: Type.Optional(line(64)),
  wijk: Type.Optional(line(64)),
});

export function registerTalentRoutes(app: WebApp, web: Web): void {
  const { prisma } = web.deps;

  app.get('/talents', { schema: { querystring: searchQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const staff = ctx.staff!;
    const query = request.query;
    const q = (query.q ?? '').trim();
    const wijk = staff.role === 'coordinator' ? query.wijk || null : (staff.wijkId ?? '\u0000');
    const labels = interestLabels(web.deps.flows, ctx);
    const interests = Object.keys(labels);
    const interest = interests.find((i) => i === query.interest) ?? null;
    const contains = { contains: q, mode: 'insensitive' as const };
    const profiles = await prisma.talentProfile.findMany({
      where: {
        ...(wijk ? { OR: [{ wijk }, { wijk: null, contact: { wijk } }] } : {}),
        ...(interest ? { interests: { has: interest } } : {}),
        ...(q
          ? {
              AND: [
                {
                  OR: [
                    { energy: contains },
                    { skills: contains },
                    { forOthers: contains },
                    { ownWish: contains },
                  ],
                },
              ],
            }
          : {}),
        contact: { status: 'active' },
      },
      orderBy: { completedAt: 'desc' },
      take: 100,
      include: {
        contact: {
          select: {
            firstName: true,
            wijk: true,
            consents: {
              where: { purpose: 'registration' },
              orderBy: { recordedAt: 'desc' },
              take: 1,
            },
          },
        },
      },
    });
    const consented = profiles.filter((p) => p.contact.consents[0]?.granted === true);
    const wijken = await wijkNames(prisma);
    const field = (label: string, value: string | null) =>
      value &&
      html`<dt>${label}</dt>
        <dd>${value}</dd>`;
    const body = html`<form method="get" action="/talents" class="filters">
        <div class="inline">
          <div>
            <label for="q">${ctx.t('talents.search')}</label
            ><input id="q" name="q" value="${q}" type="search" />
          </div>
          <div>
            <label for="interest">${ctx.t('talents.interest')}</label>
            <select id="interest" name="interest">
              <option value="">${ctx.t('talents.anyInterest')}</option>
              ${interests.map((i) => html`<option value="${i}" ${i === interest ? html` selected` : ''}>${labels[i]}</option>`)}
            </select>
          </div>
          ${
            staff.role === 'coordinator' &&
            html`<div>
              <label for="wijk">${ctx.t('filters.wijk')}</label
              ><select id="wijk" name="wijk">
                <option value="">${ctx.t('filters.allWijken')}</option>
                ${[...wijken].map(([id, name]) => html`<option value="${id}" ${id === wijk ? html` selected` : ''}>${name}</option>`)}
              </select>
            </div>`
          }
          <button type="submit">${ctx.t('filters.show')}</button>
        </div>
      </form>
      <p>${ctx.t('talents.found', { count: consented.length })}</p>
      ${consented.map((p) => {
        const w = p.wijk ?? p.contact.wijk;
        return html`<article class="card">
          <h2>
            ${p.contact.firstName ?? ctx.t('matches.anonymous')}
            <small>· ${w ? (wijken.get(w) ?? w) : '–'}</small>
          </h2>
          <dl>
            ${field(ctx.render({ key: 'staff.fields.energy', params: {} }), p.energy)}
            ${field(ctx.render({ key: 'staff.fields.skills', params: {} }), p.skills)}
            ${field(ctx.render({ key: 'staff.fields.interests', params: {} }), p.interests.map((i) => labels[i] ?? i).join(', '))}
            ${field(ctx.render({ key: 'staff.fields.forOthers', params: {} }), p.forOthers)}
            ${field(ctx.render({ key: 'staff.fields.ownWish', params: {} }), p.ownWish)}
            ${field(ctx.t('talents.contactWish'), ctx.t(p.contactWish ? 'talents.yes' : 'talents.no'))}
          </dl>
        </article>`;
      })}`;
    return web.page(reply, ctx, ctx.t('talents.title'), body, 'talents');
  });
}

/** The talentenscan's interest choices, labelled in the staff member's language. */
function interestLabels(flows: FlowRegistry, ctx: PageContext): Record<string, string> {
  const step = flows.get('talentenscan')?.steps['interests'];
  const choices = step && 'choices' in step && Array.isArray(step.choices) ? step.choices : [];
  return Object.fromEntries(
    choices.map((c: { id: string; label: string }) => [
      c.id,
      ctx.render({ key: c.label, params: {} }),
    ]),
  );
}
