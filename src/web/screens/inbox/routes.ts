/**
 * The hand-off inbox. Claim and close do exactly what "pak 12" and "sluit 12" do in the chat
 * (handoff-actions.ts) and tell the resident the same way; a short note stays with the
 * hand-off. A verbinder sees her own wijk, a coordinator every wijk. The hand-off page asks
 * for new messages of its conversation itself (live-script.ts), authorised like the page.
 */
import { Type } from 'typebox';
import type { AnswerValue } from '../../../flows/state.js';
import { summarizeAnswers } from '../../../handoff/summarize-answers.js';
import { addHandoffNote } from '../../../staff/handoff-notes.js';
import { mayView } from '../../../staff/staff-auth.js';
import {
  findConversationState,
  findHandoff,
  findHandoffList,
  findUnreachedHandoffs,
} from '../../../store/finders/inbox-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { digits, form, line, noQuery, query, text } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { visibleWijk } from '../../wijk-scope.js';
import { savedReplies } from '../../../handoff/saved-replies.js';
import { inboxLiveHelmet } from '../../security-headers.js';
import { conversationVersion } from './conversation.js';
import { inboxLiveScript } from './live-script.js';
import { HandoffView, InboxList, maxNote, maxReply, outcomes, statuses } from './view.js';

const listQuery = query({ status: Type.Optional(line(20)) });
const detailQuery = query({ done: Type.Optional(line(40)) });
const handoffParams = Type.Object({ number: digits });
const actionParams = Type.Object({ number: digits, action: line(20) });
const actionForm = form({
  note: Type.Optional(text(maxNote)),
  text: Type.Optional(text(maxReply)),
  saved: Type.Optional(line(40)),
});

export function registerInboxRoutes(app: WebApp, web: Web): void {
  const { prisma, translator, flows, clock, handoffActions } = web.deps;

  app.get('/', { schema: { querystring: noQuery } }, async (_request, reply) =>
    reply.redirect('/inbox', 303),
  );

  app.get('/inbox', { schema: { querystring: listQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const status = statuses.find((s) => s === request.query.status) ?? 'open';
    const wijk = visibleWijk(ctx.staff!);
    const handoffs = wijk === false ? [] : await findHandoffList(prisma, { status, wijk });
    const wijken = await findWijkNames(prisma);
    const unreached =
      ctx.staff!.role === 'coordinator' ? await findUnreachedHandoffs(prisma, null) : [];
    return web.page(reply, ctx, {
      title: ctx.t('inbox.title'),
      section: 'inbox',
      body: InboxList({ ctx, status, handoffs, wijken, now: clock(), unreached }),
    });
  });

  app.get('/inbox/live.js', { schema: { querystring: noQuery } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(inboxLiveScript),
  );

  app.get(
    '/inbox/:number/latest',
    { schema: { params: handoffParams, querystring: noQuery } },
    async (request, reply) => {
      const ctx = web.context(request);
      const found = await findConversationState(prisma, Number(request.params.number));
      if (!found) return reply.code(404).send({ latest: null });
      if (!mayView(ctx.staff!, found.wijk)) return reply.code(403).send({ latest: null });
      return { latest: conversationVersion(found.lines) };
    },
  );

  app.get(
    '/inbox/:number',
    {
      schema: { params: handoffParams, querystring: detailQuery },
      config: { helmet: inboxLiveHelmet },
    },
    async (request, reply) => {
      const ctx = web.context(request);
      const handoff = await findHandoff(prisma, Number(request.params.number));
      if (!handoff) return web.refuse(reply, ctx, 404, 'notFound');
      if (!mayView(ctx.staff!, handoff.wijk)) return web.refuse(reply, ctx, 403, 'forbidden');
      const summary = handoff.summary as {
        flow?: string | null;
        answers?: Record<string, AnswerValue>;
      };
      const answers = summarizeAnswers(
        translator,
        flows,
        summary.flow ?? null,
        summary.answers ?? {},
        ctx.language,
      );
      return web.page(reply, ctx, {
        title: ctx.t('inbox.handoff', { number: handoff.number }),
        section: 'inbox',
        script: '/inbox/live.js',
        body: HandoffView({
          ctx,
          handoff,
          answers,
          outcome: outcomes.find((o) => o === request.query.done),
          wijken: await findWijkNames(prisma),
          now: clock(),
        }),
      });
    },
  );

  app.post(
    '/inbox/:number/:action',
    { schema: { params: actionParams, querystring: noQuery, body: actionForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const staff = ctx.staff!;
      const { number, action } = request.params;
      const handoff = await findHandoff(prisma, Number(number));
      if (!handoff) return web.refuse(reply, ctx, 404, 'notFound');
      if (!mayView(staff, handoff.wijk)) return web.refuse(reply, ctx, 403, 'forbidden');
      const done = (outcome: string) =>
        reply.redirect(`/inbox/${handoff.number}?done=${outcome}`, 303);
      if (action === 'note') {
        const note = (request.body.note ?? '').trim();
        if (!note) return web.refuse(reply, ctx, 400, 'badRequest');
        await addHandoffNote(prisma, {
          handoffId: handoff.id,
          authorId: staff.id,
          text: note,
          at: clock(),
        });
        return done('noteAdded');
      }
      if (action === 'reply') {
        // A saved reply chosen in the picker wins over the box: it is written in every language.
        const saved = savedReplies.find((r) => r === request.body.saved);
        const typed = (request.body.text ?? '').trim();
        if (!saved && !typed) return web.refuse(reply, ctx, 400, 'badRequest');
        const message = saved ? { saved } : { text: typed };
        const { reply: said } = await handoffActions.reply(handoff.number, staff, message, clock());
        return done(said.key.replace('staff.', ''));
      }
      if (action !== 'claim' && action !== 'close') return web.refuse(reply, ctx, 404, 'notFound');
      // The resident's notice commits with the change and goes out through the outbox.
      const { reply: said } = await handoffActions.act(action, handoff.number, staff, clock());
      return done(said.key.replace('staff.', ''));
    },
  );
}
