/**
 * The sociale kaart in the dashboard. Every staff member reads it; coordinators and the
 * verbinder who owns an offer add, edit, hide, show again and mark it "still correct". The
 * work and the rules are the kaart's (`src/kaart/edit-offer.ts`, `can-edit-offer.ts`,
 * `validate-offer-record.ts`, the import's own checks); these routes read the form, say how it
 * went, and show a refused form again with each problem next to its field.
 *
 * `GET /kaart/offer` is the form of a new offer, `GET /kaart/offer?id=<id>` that of one offer;
 * both post to `POST /kaart/offer`.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { canAddOffer, canEditOffer } from '../../../kaart/can-edit-offer.js';
import {
  confirmOffer,
  findOffer,
  saveOfferForm,
  setOfferActive,
  type OfferEditor,
  type OfferEditOutcome,
} from '../../../kaart/edit-offer.js';
import type { OfferProblem } from '../../../kaart/offer-problem.js';
import { CITY_WIDE, type Offer } from '../../../kaart/offer.js';
import { staleReasons } from '../../../kaart/plan-stale-nudges.js';
import { findStaffList } from '../../../store/finders/admin-finder.js';
import { findWijkNames } from '../../../store/finders/wijk-finder.js';
import { PrismaOfferRepository } from '../../../store/offer-repository.js';
import type { StaffSession } from '../../../staff/staff-sessions.js';
import type { Option } from '../../components/forms.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, query, rowId } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { interestLabels } from '../talents/interest-labels.js';
import {
  KaartList,
  kaartDoneNotes,
  kaartStatuses,
  wijkWords,
  type KaartDoneNote,
  type KaartStatus,
} from './list-view.js';
import { offerFormSchema, recordFromForm, recordFromOffer } from './offer-form.js';
import { OfferPage } from './offer-view.js';

const listQuery = query({
  wijk: Type.Optional(line(64)),
  status: Type.Optional(line(20)),
  done: Type.Optional(line(20)),
});
const offerQuery = query({ id: Type.Optional(line(64)), done: Type.Optional(line(20)) });
const offerParams = Type.Object({ id: rowId });
const confirmForm = form({});
const activeForm = form({ active: Type.Optional(line(3)) });

const doneNote = (text: string | undefined): KaartDoneNote | null =>
  kaartDoneNotes.find((d) => d === text) ?? null;

/** A signed-in staff member as the kaart's rules see her: her session ends when she is deactivated. */
const editorOf = (staff: StaffSession['staff']): OfferEditor => ({
  id: staff.id,
  role: staff.role,
  wijkId: staff.wijkId,
  active: true,
});

export function registerKaartRoutes(app: WebApp, web: Web): void {
  const { prisma, clock, flows } = web.deps;
  const offers = new PrismaOfferRepository(prisma);

  /** The page of one offer (or a new one), with what was typed and its problems, if any. */
  async function offerPage(
    ctx: PageContext,
    reply: FastifyReply,
    offer: Offer | null,
    shown: {
      record?: Record<string, string>;
      problems?: OfferProblem[];
      done?: KaartDoneNote | null;
    } = {},
  ) {
    const staff = ctx.staff!;
    const editor = editorOf(staff);
    const coordinator = staff.role === 'coordinator';
    const [wijken, staffList] = await Promise.all([
      findWijkNames(prisma),
      coordinator ? findStaffList(prisma) : Promise.resolve([]),
    ]);
    const editable = offer ? canEditOffer(editor, offer) : true;
    const record = shown.record ?? (offer ? recordFromOffer(offer) : { wijk: staff.wijkId ?? '' });
    const choosable = [CITY_WIDE, ...wijken.keys()].filter(
      (wijk) => canAddOffer(editor, wijk) || wijk === offer?.wijk,
    );
    const now = clock();
    const title = offer
      ? editable
        ? 'kaart.form.editTitle'
        : 'kaart.form.viewTitle'
      : 'kaart.form.addTitle';
    return web.page(reply, ctx, {
      title: ctx.t(title),
      section: 'kaart',
      body: OfferPage({
        ctx,
        offer,
        record,
        problems: shown.problems ?? [],
        editable,
        wijken: choosable.map((wijk): Option => ({
          value: wijk,
          text: wijkWords(ctx, wijken, wijk),
        })),
        interests: interestLabels(flows, ctx),
        owners: coordinator
          ? staffList
              .filter((member) => member.active || member.id === offer?.ownerId)
              .map((member) => ({
                value: member.id,
                text: member.wijkName ? `${member.name} (${member.wijkName})` : member.name,
              }))
          : null,
        stale: offer ? staleReasons(offer, now) : [],
        done: shown.done ?? null,
        now,
      }),
    });
  }

  /** After hiding, showing or confirming: back where the staff member was, with a note. */
  function answer(
    ctx: PageContext,
    reply: FastifyReply,
    outcome: OfferEditOutcome,
    done: KaartDoneNote,
  ) {
    if (outcome.ok) return reply.redirect(`/kaart?done=${done}`, 303);
    if (outcome.reason === 'refused') return web.refuse(reply, ctx, 403, 'forbidden');
    return web.refuse(reply, ctx, 404, 'notFound');
  }

  app.get('/kaart', { schema: { querystring: listQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const { query } = request;
    const editor = editorOf(ctx.staff!);
    const [all, wijken, staffList] = await Promise.all([
      offers.listOffers(),
      findWijkNames(prisma),
      findStaffList(prisma),
    ]);
    const names = new Map(staffList.map((member) => [member.id, member.name]));
    const wijk =
      query.wijk && (query.wijk === CITY_WIDE || wijken.has(query.wijk)) ? query.wijk : null;
    const status: KaartStatus = kaartStatuses.find((s) => s === query.status) ?? 'active';
    const now = clock();
    const rows = all
      .filter((offer) => wijk === null || offer.wijk === wijk)
      .map((offer) => ({
        offer,
        ownerName: offer.ownerId ? (names.get(offer.ownerId) ?? null) : null,
        canEdit: canEditOffer(editor, offer),
        stale: staleReasons(offer, now),
      }))
      .filter(({ offer, stale }) =>
        status === 'all'
          ? true
          : status === 'stale'
            ? stale.length > 0
            : offer.active === (status === 'active'),
      );
    return web.page(reply, ctx, {
      title: ctx.t('kaart.title'),
      section: 'kaart',
      body: KaartList({
        ctx,
        rows,
        wijken,
        filter: { wijk, status },
        canAdd: [CITY_WIDE, ...wijken.keys()].some((w) => canAddOffer(editor, w)),
        done: doneNote(query.done),
        now,
      }),
    });
  });

  app.get('/kaart/offer', { schema: { querystring: offerQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const { id, done } = request.query;
    if (id === undefined) {
      const wijken = await findWijkNames(prisma);
      const editor = editorOf(ctx.staff!);
      if (![CITY_WIDE, ...wijken.keys()].some((w) => canAddOffer(editor, w))) {
        return web.refuse(reply, ctx, 403, 'forbidden');
      }
      return offerPage(ctx, reply, null);
    }
    const offer = await findOffer(offers, id);
    if (!offer) return web.refuse(reply, ctx, 404, 'notFound');
    return offerPage(ctx, reply, offer, { done: doneNote(done) });
  });

  app.post(
    '/kaart/offer',
    { schema: { querystring: noQuery, body: offerFormSchema } },
    async (request, reply) => {
      const ctx = web.context(request);
      const body = request.body as Record<string, string | undefined>;
      const id = body['id'] || null;
      const record = recordFromForm(body);
      const outcome = await saveOfferForm(offers, editorOf(ctx.staff!), id, record, clock());
      if (outcome.ok) return reply.redirect(`/kaart?done=${id ? 'saved' : 'added'}`, 303);
      if (outcome.reason !== 'invalid') return answer(ctx, reply, outcome, 'saved');
      const stored = id ? await findOffer(offers, id) : null;
      return offerPage(ctx, reply.code(422), stored, { record, problems: outcome.problems });
    },
  );

  app.post(
    '/kaart/:id/confirm',
    { schema: { params: offerParams, querystring: noQuery, body: confirmForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const outcome = await confirmOffer(offers, editorOf(ctx.staff!), request.params.id, clock());
      return answer(ctx, reply, outcome, 'confirmed');
    },
  );

  app.post(
    '/kaart/:id/active',
    { schema: { params: offerParams, querystring: noQuery, body: activeForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { active } = request.body;
      if (active !== 'yes' && active !== 'no') return web.refuse(reply, ctx, 400, 'badRequest');
      const outcome = await setOfferActive(
        offers,
        editorOf(ctx.staff!),
        request.params.id,
        active === 'yes',
      );
      return answer(ctx, reply, outcome, active === 'yes' ? 'reactivated' : 'deactivated');
    },
  );
}
