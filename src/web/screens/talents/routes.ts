/** Talent search. A verbinder sees her own wijk; a coordinator every wijk, or the one chosen. */
import { Type } from 'typebox';
import { findTalentProfiles } from '../../../store/finders/talents-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { line, query } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { visibleWijk } from '../../wijk-scope.js';
import { interestLabels } from './interest-labels.js';
import { TalentSearch } from './view.js';

const searchQuery = query({
  q: Type.Optional(line(100)),
  interest: Type.Optional(line(64)),
  wijk: Type.Optional(line(64)),
});

export function registerTalentRoutes(app: WebApp, web: Web): void {
  const { prisma, flows } = web.deps;

  app.get('/talents', { schema: { querystring: searchQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const interests = interestLabels(flows, ctx);
    const wijk = visibleWijk(ctx.staff!, request.query.wijk);
    const interest = interests.has(request.query.interest ?? '') ? request.query.interest! : null;
    const words = (request.query.q ?? '').trim();
    const profiles =
      wijk === false ? [] : await findTalentProfiles(prisma, { wijk, interest, words });
    return web.page(reply, ctx, {
      title: ctx.t('talents.title'),
      section: 'talents',
      body: TalentSearch({
        ctx,
        profiles,
        interests,
        wijken: await findWijkNames(prisma),
        filter: { words, interest, wijk: wijk || null },
      }),
    });
  });
}
