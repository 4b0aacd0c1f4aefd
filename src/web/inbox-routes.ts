/**
 * The hand-off inbox: open, claimed and closed hand-offs of the staff member's wijk (a
 * coordinator sees every wijk), urgent first, then oldest first, with their age. Claim and
 * close do exactly what "pak 12" and "sluit 12" do in the chat, and tell the resident the
 * same way; a short note stays with the hand-off.
 */
import type { FastifyInstance } from 'fastify';
import type { HandoffAction } from '../handoff/handoff-actions.js';
import { summarizeAnswers } from '../handoff/summarize-answers.js';
import type { AnswerValue } from '../flows/state.js';
import { mayView } from '../staff/staff-auth.js';
import { formatAge } from './format-age.js';
import { html } from './html.js';
import { wijkNames } from './wijk-names.js';
import type { Web } from './web-server.js';

const statuses = ['open', 'claimed', 'closed'] as const;
/** What an action's result may say on the next page (a `staff.*` text). */
const outcomes = ['claimed', 'closedDone', 'claimedByOther', 'alreadyClosed', 'noteAdded'] as const;
const maxNote = 1000;

export function registerInboxRoutes(app: FastifyInstance, web: Web): void {
  const { prisma, translator, flows, clock } = web.deps;

  app.get('/inbox', async (request, reply) => {
    const ctx = web.context(request);
    const staff = ctx.staff!;
    const query = request.query as { status?: string };
    const status = statuses.find((s) => s === query.status) ?? 'open';
    const handoffs = await prisma.handoff.findMany({
      where: {
        status,
        ...(staff.role === 'coordinator' ? {} : { wijk: staff.wijkId ?? '\u0000' }),
      },
      orderBy: [{ urgency: 'desc' }, { createdAt: 'asc' }],
      take: 200,
      include: { contact: { select: { firstName: true } }, claimedBy: { select: { name: true } } },
    });
    const wijken = await wijkNames(prisma);
    const now = clock();
    const tabs = statuses.map(
      (s) =>
        html`<li>
          <a href="/inbox?status=${s}" ${s === status ? html` aria-current="page"` : ''}
            >${ctx.t(`inbox.status.${s}`)}</a
          >
        </li>`,
    );
    const rows = handoffs.map(
      (h) =>
        html`<tr>
          <td data-label="#"><a href="/inbox/${h.number}">#${h.number}</a></td>
          <td
            data-label="${ctx.t('inbox.urgency')}"
            ${h.urgency === 'urgent' ? html` class="urgent"` : ''}
          >
            ${ctx.render({ key: `staff.urgency.${h.urgency}`, params: {} })}
          </td>
          <td data-label="${ctx.t('inbox.reason')}">
            ${ctx.render({ key: `staff.reasons.${h.reason}`, params: {} })}
          </td>
          <td data-label="${ctx.t('inbox.resident')}">
            ${h.contact.firstName ?? ctx.render({ key: 'staff.noName', params: {} })}
          </td>
          <td data-label="${ctx.t('inbox.wijk')}">
            ${h.wijk ? (wijken.get(h.wijk) ?? h.wijk) : ctx.render({ key: 'staff.unknownWijk', params: {} })}
          </td>
          <td data-label="${ctx.t('inbox.age')}">
            <time datetime="${h.createdAt.toISOString()}"
              >${formatAge(h.createdAt, now, ctx.language)}</time
            >
          </td>
          <td data-label="${ctx.t('inbox.claimedBy')}">${h.claimedBy?.name ?? '–'}</td>
        </tr>`,
    );
    const body = html`<nav aria-label="${ctx.t('inbox.filter')}">
        <ul class="inline">
          ${tabs}
        </ul>
      </nav>
      ${
        handoffs.length === 0
          ? html`<p class="notice">${ctx.t('inbox.empty')}</p>`
          : html`<table class="responsive">
              <caption>
                ${ctx.t('inbox.caption', { count: handoffs.length })}
              </caption>
              <thead>
                <tr>
                  <th>#</th>
                  <th>${ctx.t('inbox.urgency')}</th>
                  <th>${ctx.t('inbox.reason')}</th>
                  <th>${ctx.t('inbox.resident')}</th>
                  <th>${ctx.t('inbox.wijk')}</th>
                  <th>${ctx.t('inbox.age')}</th>
                  <th>${ctx.t('inbox.claimedBy')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`;
    return web.page(reply, ctx, ctx.t('inbox.title'), body, 'inbox');
  });

  /** The hand-off by its number, when this staff member may see it. */
  const load = async (number: string) =>
    /^\d{1,9}$/.test(number)
      ? prisma.handoff.findUnique({
          where: { number: Number(number) },
          include: {
            contact: {
              select: {
                firstName: true,
                language: true,
                identities: { select: { channel: true } },
              },
            },
            claimedBy: { select: { name: true } },
            notes: {
              orderBy: { createdAt: 'asc' },
              include: { author: { select: { name: true } } },
            },
          },
        })
      : null;

  app.get('/inbox/:number', async (request, reply) => {
    const ctx = web.context(request);
    const handoff = await load((request.params as { number: string }).number);
    if (!handoff) return web.refuse(reply, ctx, 404, 'notFound');
    if (!mayView(ctx.staff!, handoff.wijk)) return web.refuse(reply, ctx, 403, 'forbidden');
    const outcome = outcomes.find((o) => o === (request.query as { done?: string }).done);
    const now = clock();
    const wijken = await wijkNames(prisma);
    const name = handoff.contact.firstName
      ? { text: handoff.contact.firstName }
      : { key: 'staff.noName' };
    const summary = handoff.summary as {
      flow?: string | null;
      answers?: Record<string, AnswerValue>;
    };
    const lines = summarizeAnswers(
      translator,
      flows,
      summary.flow ?? null,
      summary.answers ?? {},
      ctx.language,
    );
    const language = new Intl.DisplayNames([ctx.language], { type: 'language' }).of(
      handoff.contact.language,
    );
    const csrf = html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />`;
    const body = html`${
      outcome &&
      html`<p class="notice" role="status">
        ${
          outcome === 'noteAdded'
            ? ctx.t('inbox.noteAdded')
            : ctx.render({
                key: `staff.${outcome}`,
                params: {
                  number: { text: String(handoff.number) },
                  name,
                  by: { text: handoff.claimedBy?.name ?? '' },
                },
              })
        }
      </p>`
    }
<dl>
<dt>${ctx.t('inbox.statusLabel')}</dt><dd><span class="status">${ctx.t(`inbox.status.${handoff.status}`)}</span></dd>
<dt>${ctx.t('inbox.urgency')}</dt><dd${handoff.urgency === 'urgent' ? html` class="urgent"` : ''}>${ctx.render({ key: `staff.urgency.${handoff.urgency}`, params: {} })}</dd>
<dt>${ctx.t('inbox.reason')}</dt><dd>${ctx.render({ key: `staff.reasons.${handoff.reason}`, params: {} })}</dd>
<dt>${ctx.t('inbox.resident')}</dt><dd>${ctx.render({ key: 'web.inbox.who', params: { name, language: { text: language ?? handoff.contact.language }, channel: { text: handoff.contact.identities[0]?.channel ?? '–' } } })}</dd>
<dt>${ctx.t('inbox.wijk')}</dt><dd>${handoff.wijk ? (wijken.get(handoff.wijk) ?? handoff.wijk) : ctx.render({ key: 'staff.unknownWijk', params: {} })}</dd>
<dt>${ctx.t('inbox.age')}</dt><dd><time datetime="${handoff.createdAt.toISOString()}">${formatAge(handoff.createdAt, now, ctx.language)}</time></dd>
<dt>${ctx.t('inbox.claimedBy')}</dt><dd>${handoff.claimedBy?.name ?? '–'}</dd>
</dl>
<h2>${ctx.t('inbox.answers')}</h2>
${
  lines.length === 0
    ? html`<p>${ctx.t('inbox.noAnswers')}</p>`
    : html`<ul>
        ${lines.map((l) => html`<li>${l}</li>`)}
      </ul>`
}
<h2>${ctx.t('inbox.actions')}</h2>
<div class="inline">
${handoff.status === 'open' && html`<form method="post" action="/inbox/${handoff.number}/claim">${csrf}<button type="submit">${ctx.render({ key: 'staff.claim', params: {} })}</button></form>`}
${handoff.status !== 'closed' && html`<form method="post" action="/inbox/${handoff.number}/close">${csrf}<button type="submit" class="secondary">${ctx.render({ key: 'staff.close', params: {} })}</button></form>`}
</div>
<h2>${ctx.t('inbox.notes')}</h2>
${
  handoff.notes.length === 0
    ? html`<p>${ctx.t('inbox.noNotes')}</p>`
    : html`<ul>
        ${handoff.notes.map(
          (n) =>
            html`<li class="card">
              <p>${n.text}</p>
              <p>
                <small
                  >${n.author?.name ?? '–'} ·
                  <time datetime="${n.createdAt.toISOString()}"
                    >${formatAge(n.createdAt, now, ctx.language)}</time
                  ></small
                >
              </p>
            </li>`,
        )}
      </ul>`
}
<form method="post" action="/inbox/${handoff.number}/note">${csrf}
<label for="note">${ctx.t('inbox.addNote')}</label>
<textarea id="note" name="note" rows="3" maxlength="${maxNote}" required></textarea>
<p><button type="submit">${ctx.t('inbox.saveNote')}</button></p>
</form>
<p><a href="/inbox?status=${handoff.status}">${ctx.t('inbox.back')}</a></p>`;
    return web.page(reply, ctx, ctx.t('inbox.handoff', { number: handoff.number }), body, 'inbox');
  });

  app.post('/inbox/:number/:action', async (request, reply) => {
    const ctx = web.context(request);
    const { number, action } = request.params as { number: string; action: string };
    const handoff = await load(number);
    if (!handoff) return web.refuse(reply, ctx, 404, 'notFound');
    if (!mayView(ctx.staff!, handoff.wijk)) return web.refuse(reply, ctx, 403, 'forbidden');
    if (action === 'note') {
      const text = String((request.body as { note?: string }).note ?? '')
        .trim()
        .slice(0, maxNote);
      if (!text) return web.refuse(reply, ctx, 400, 'badRequest');
      await prisma.handoffNote.create({
        data: { handoffId: handoff.id, authorId: ctx.staff!.id, text, createdAt: clock() },
      });
      return reply.redirect(`/inbox/${handoff.number}?done=noteAdded`, 303);
    }
    if (action !== 'claim' && action !== 'close') return web.refuse(reply, ctx, 404, 'notFound');
    // The resident's notice commits with the change and goes out through the outbox.
    const { reply: said } = await web.deps.handoffActions.act(
      action satisfies HandoffAction,
      handoff.number,
      ctx.staff!,
      clock(),
    );
    return reply.redirect(`/inbox/${handoff.number}?done=${said.key.replace('staff.', '')}`, 303);
  });
}
