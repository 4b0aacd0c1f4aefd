/**
 * Campaigns, for coordinators: the list with progress and a stop button, the form, its
 * preview (who gets it, per language and channel; nothing is sent) and the start. The work is
 * the domain's (startCampaign, the campaign repository); these routes read the form and say
 * how it went. Registered in the coordinator scope; every POST carries the CSRF token.
 */
import type { FastifyReply } from 'fastify';
import type { Child } from 'hono/jsx';
import { Type } from 'typebox';
import { parseAudience, parseStartAt } from '../../../campaigns/campaign-input.js';
import { startCampaign } from '../../../campaigns/start-campaign.js';
import { CampaignRefusedError } from '../../../errors/campaign-refused-error.js';
import { findAudienceChoices } from '../../../store/finders/campaign-finder.js';
import { Notice, Problem } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, rowId, text } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { bloeiLanguages } from '../../../flows/definitions/language.js';
import { CampaignPreview, CampaignsPage, type CampaignDraft } from './view.js';

const draftForm = form({
  name: Type.Optional(line(100)),
  kind: Type.Optional(line(10)),
  audience: Type.Optional(line(200)),
  at: Type.Optional(line(20)),
  ...Object.fromEntries(bloeiLanguages.map((l) => [`text_${l}`, Type.Optional(text(2000))])),
});

export function registerCampaignRoutes(app: WebApp, web: Web): void {
  const { prisma, store, clock } = web.deps;

  const list = async (
    ctx: PageContext,
    reply: FastifyReply,
    message?: Child,
    draft?: CampaignDraft,
  ) => {
    const campaigns = await store.campaigns.list();
    return web.page(reply, ctx, {
      title: ctx.t('campaigns.title'),
      section: 'campaigns',
      body: CampaignsPage({
        ctx,
        campaigns: await Promise.all(
          campaigns.map(async (campaign) => ({
            campaign,
            progress: await store.campaigns.progress(campaign.id),
          })),
        ),
        choices: await findAudienceChoices(prisma),
        languages: bloeiLanguages,
        draft,
        message,
      }),
    });
  };
  const refused = (ctx: PageContext, reply: FastifyReply, error: unknown, draft: CampaignDraft) => {
    if (!(error instanceof CampaignRefusedError)) throw error;
    const problem = Problem({ text: ctx.t(`campaigns.refused.${error.reason}`) });
    return list(ctx, reply.code(400), problem, draft);
  };

  app.get('/campaigns', { schema: { querystring: noQuery } }, async (request, reply) =>
    list(web.context(request), reply),
  );

  app.post(
    '/campaigns/preview',
    { schema: { querystring: noQuery, body: draftForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const draft = draftOf(request.body);
      try {
        if (!draft.name.trim()) throw new CampaignRefusedError('noName', 'no name');
        parseStartAt(draft.at, clock());
        const count = await store.campaigns.preview(parseAudience(draft.audience));
        return web.page(reply, ctx, {
          title: ctx.t('campaigns.previewTitle', { name: draft.name }),
          section: 'campaigns',
          body: CampaignPreview({
            ctx,
            draft,
            count,
            choices: await findAudienceChoices(prisma),
            languages: bloeiLanguages,
          }),
        });
      } catch (error) {
        return refused(ctx, reply, error, draft);
      }
    },
  );

  app.post(
    '/campaigns/start',
    { schema: { querystring: noQuery, body: draftForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const draft = draftOf(request.body);
      try {
        const { campaign, added } = await startCampaign(store, {
          name: draft.name,
          kind: draft.kind,
          ...parseAudience(draft.audience),
          texts: draft.kind === 'message' ? draft.texts : null,
          startAt: parseStartAt(draft.at, clock()),
          createdBy: ctx.staff!.id,
        });
        const done = ctx.t('campaigns.started', { name: campaign.name, count: added });
        return list(ctx, reply, Notice({ text: done }));
      } catch (error) {
        return refused(ctx, reply, error, draft);
      }
    },
  );

  app.post(
    '/campaigns/:id/stop',
    { schema: { params: Type.Object({ id: rowId }), querystring: noQuery, body: form({}) } },
    async (request, reply) => {
      const ctx = web.context(request);
      const campaign = await store.campaigns.find(request.params.id);
      if (!campaign) return web.refuse(reply, ctx, 404, 'notFound');
      const count = await store.campaigns.stop(campaign.id, clock());
      return list(
        ctx,
        reply,
        Notice({ text: ctx.t('campaigns.stopped', { name: campaign.name, count }) }),
      );
    },
  );
}

function draftOf(body: Record<string, string | undefined>): CampaignDraft {
  return {
    name: body.name ?? '',
    kind: body.kind === 'message' ? 'message' : 'checkIn',
    audience: body.audience ?? '',
    at: body.at ?? '',
    texts: Object.fromEntries(bloeiLanguages.map((l) => [l, body[`text_${l}`] ?? ''])),
  };
}
