/**
 * The WIJ match board. Recording and judging a match are record-match.ts's; this only reads
 * the form, keeps a verbinder to her own wijk and says how it went.
 */
import { Type } from 'typebox';
import { MatchRefused } from '../../../errors/match-refused.js';
import { judgeMatch, matchKinds, recordMatch } from '../../../wijmatch/record-match.js';
import {
  findMatch,
  findOpenSignUps,
  findRecentMatches,
} from '../../../store/finders/matches-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { form, line, noQuery, query, rowId } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { visibleWijk } from '../../wijk-scope.js';
import { MatchBoard, refusals } from './view.js';

const boardQuery = query({
  wijk: Type.Optional(line(64)),
  done: Type.Optional(line(40)),
  refused: Type.Optional(line(40)),
});
const matchForm = form({
  kind: Type.Optional(line(64)),
  first: Type.Optional(line(64)),
  second: Type.Optional(line(64)),
  ontwikkelplaats: Type.Optional(line(200)),
});
const lastingForm = form({ lasting: Type.Optional(line(10)) });

export function registerMatchRoutes(app: WebApp, web: Web): void {
  const { prisma, store, clock } = web.deps;

  app.get('/matches', { schema: { querystring: boardQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const { query } = request;
    const wijk = visibleWijk(ctx.staff!, query.wijk);
    const [signUps, matches] =
      wijk === false
        ? [[], []]
        : await Promise.all([findOpenSignUps(prisma, wijk), findRecentMatches(prisma, wijk)]);
    return web.page(reply, ctx, {
      title: ctx.t('matches.title'),
      section: 'matches',
      body: MatchBoard({
        ctx,
        signUps,
        matches,
        wijken: await findWijkNames(prisma),
        wijk: wijk || null,
        done: query.done === 'recorded' || query.done === 'judged' ? query.done : undefined,
        refused: refusals.find((r) => r === query.refused),
        now: clock(),
      }),
    });
  });

  app.post(
    '/matches',
    { schema: { querystring: noQuery, body: matchForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { body } = request;
      const kind = matchKinds.find((k) => k === body.kind);
      if (!kind) return web.refuse(reply, ctx, 400, 'badRequest');
      const staff = ctx.staff!;
      try {
        await recordMatch(store, {
          kind,
          signUpIds: [body.first, body.second].filter((id): id is string => Boolean(id)),
          ontwikkelplaats: body.ontwikkelplaats?.trim() || null,
          wijken: staff.role === 'coordinator' ? null : staff.wijkId ? [staff.wijkId] : [],
          recordedById: staff.id,
          at: clock(),
        });
      } catch (error) {
        if (!(error instanceof MatchRefused)) throw error;
        return reply.redirect(`/matches?refused=${error.reason}`, 303);
      }
      return reply.redirect('/matches?done=recorded', 303);
    },
  );

  app.post(
    '/matches/:id/lasting',
    { schema: { params: Type.Object({ id: rowId }), querystring: noQuery, body: lastingForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const match = await findMatch(prisma, request.params.id);
      if (!match) return web.refuse(reply, ctx, 404, 'notFound');
      const staff = ctx.staff!;
      if (staff.role !== 'coordinator' && match.wijk !== staff.wijkId) {
        return web.refuse(reply, ctx, 403, 'forbidden');
      }
      const { lasting } = request.body;
      if (lasting !== 'yes' && lasting !== 'no') return web.refuse(reply, ctx, 400, 'badRequest');
      await judgeMatch(store, match.id, lasting === 'yes', clock());
      return reply.redirect('/matches?done=judged', 303);
    },
  );
}
