/**
 * The WIJ match board. Recording and judging a match are record-match.ts's, suggesting pairs
 * is suggest-pairs.ts's; this only reads the filter and the form, keeps a verbinder to her own
 * wijk and says how it went. "Match these two" posts the same form as choosing by hand; an
 * ontwikkelplaats from the sociale kaart near a sign-up posts it with the place's name.
 */
import { Type } from 'typebox';
import { MatchRefused } from '../../../errors/match-refused.js';
import { judgeMatch, matchKinds, recordMatch } from '../../../wijmatch/record-match.js';
import {
  findMatch,
  findOpenSignUps,
  findRecentMatches,
} from '../../../store/finders/matches-finder.js';
import { findKaartPlace, findKaartPlaces } from '../../../store/finders/kaart-places-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { findOntwikkelplaatsen } from '../../../store/finders/places-finder.js';
import { suggestPairs } from '../../../wijmatch/suggest-pairs.js';
import { suggestPlaces } from '../../../wijmatch/suggest-places.js';
import type { FlowRegistry } from '../../../flows/engine.js';
import { form, line, noQuery, query, rowId } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { visibleWijk } from '../../wijk-scope.js';
import { MatchBoard, refusals } from './view.js';

const boardQuery = query({
  wijk: Type.Optional(line(64)),
  category: Type.Optional(line(32)),
  done: Type.Optional(line(40)),
  refused: Type.Optional(line(40)),
});
const matchForm = form({
  kind: Type.Optional(line(64)),
  first: Type.Optional(line(64)),
  second: Type.Optional(line(64)),
  ontwikkelplaats: Type.Optional(line(200)),
  offer: Type.Optional(line(64)),
});
const lastingForm = form({ lasting: Type.Optional(line(10)) });

/** The categories a WIJ match sign-up offers, in the sign-up's order. */
export function matchCategories(flows: FlowRegistry): string[] {
  const step = flows.get('wijMatch')?.steps['category'];
  return step && step.kind === 'choice' ? step.choices.map((c) => c.id) : [];
}

export function registerMatchRoutes(app: WebApp, web: Web): void {
  const { prisma, store, clock, flows } = web.deps;
  const categories = matchCategories(flows);

  app.get('/matches', { schema: { querystring: boardQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const { query } = request;
    const wijk = visibleWijk(ctx.staff!, query.wijk);
    const category = categories.find((c) => c === query.category) ?? null;
    const [signUps, matches, places, kaartPlaces] =
      wijk === false
        ? [[], [], [], []]
        : await Promise.all([
            findOpenSignUps(prisma, wijk, category),
            findRecentMatches(prisma, wijk),
            findOntwikkelplaatsen(prisma, wijk),
            findKaartPlaces(prisma, wijk || null),
          ]);
    return web.page(reply, ctx, {
      title: ctx.t('matches.title'),
      section: 'matches',
      body: MatchBoard({
        ctx,
        signUps,
        pairs: suggestPairs(signUps),
        places: suggestPlaces(signUps, places),
        matches,
        kaartPlaces,
        wijken: await findWijkNames(prisma),
        wijk: wijk || null,
        categories,
        category,
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
      // A place from the kaart: one the recorder may see (their wijk's, or the city's).
      const offer = body.offer
        ? await findKaartPlace(
            prisma,
            body.offer,
            staff.role === 'coordinator' ? null : (staff.wijkId ?? 'none'),
          )
        : null;
      if (body.offer && !offer) return reply.redirect('/matches?refused=shape', 303);
      try {
        await recordMatch(store, {
          kind,
          signUpIds: [body.first, body.second].filter((id): id is string => Boolean(id)),
          ontwikkelplaats: body.ontwikkelplaats?.trim() || null,
          offer,
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
