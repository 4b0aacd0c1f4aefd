/**
 * Coordinator tools. The work is done by the domain: importCohort (a dry run first, then for
 * real), addStaffMember, issueLinkCode, setStaffActive, addWijk and updateWijk; these routes
 * read the forms and say how it went. Registered in the coordinator scope.
 */
import type { FastifyReply } from 'fastify';
import type { Child } from 'hono/jsx';
import { Type } from 'typebox';
import { importCohort } from '../../../followups/import-cohort.js';
import { AdminError, addWijk, issueLinkCode } from '../../../handoff/verbinder-admin.js';
import { addStaffMember } from '../../../staff/add-staff-member.js';
import { WeakPasswordError } from '../../../errors/weak-password-error.js';
import { setStaffActive } from '../../../staff/staff-auth.js';
import { updateWijk } from '../../../staff/wijk-settings.js';
import {
  findStaffList,
  findStaffMember,
  findWijk,
  findWijken,
} from '../../../store/finders/admin-finder.js';
import { Notice, Problem } from '../../components/notices.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, query, rowId, text } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { CohortPreview, ImportResult } from './cohort-view.js';
import { AdminOverview, CodeNotice, speaksField } from './view.js';
import { bloeiLanguages } from '../../../flows/definitions/language.js';

const maxCsv = 5 * 1024 * 1024;
const staffForm = form({
  name: Type.Optional(line(100)),
  role: Type.Optional(line(20)),
  wijk: Type.Optional(line(64)),
  language: Type.Optional(line(10)),
  login: Type.Optional(line(100)),
  password: Type.Optional(line(500)),
  ...Object.fromEntries(
    bloeiLanguages.map((l) => [speaksField(l), Type.Optional(line(8))] as const),
  ),
});
const wijkForm = form({
  id: Type.Optional(line(64)),
  name: Type.Optional(line(100)),
  active: Type.Optional(line(5)),
});

/** A unique login already taken: P2002 on PostgreSQL; PGlite reports the raw violation. */
const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === 'P2002' || /unique constraint/i.test(String(error));

export function registerAdminRoutes(app: WebApp, web: Web): void {
  const { prisma, store, translator, clock } = web.deps;

  const overview = async (ctx: PageContext, reply: FastifyReply, message?: Child) =>
    web.page(reply, ctx, {
      title: ctx.t('admin.title'),
      section: 'admin',
      body: AdminOverview({
        ctx,
        staff: await findStaffList(prisma),
        wijken: await findWijken(prisma),
        languages: translator.languages,
        message,
      }),
    });
  const saidBadly = (ctx: PageContext, reply: FastifyReply, key: string) =>
    overview(ctx, reply.code(400), Problem({ text: ctx.t(`admin.${key}`) }));

  app.get('/admin', { schema: { querystring: noQuery } }, async (request, reply) =>
    overview(web.context(request), reply),
  );

  // Multipart: the token comes in the query string.
  app.post(
    '/admin/cohorts/preview',
    { schema: { querystring: query({ _csrf: Type.Optional(line(200)) }) } },
    async (request, reply) => {
      const ctx = web.context(request);
      const file = request.isMultipart() ? await request.file() : undefined;
      const csv = file ? (await file.toBuffer()).toString('utf8') : '';
      if (!csv.trim() || csv.length > maxCsv || csv.includes('\u0000')) {
        return web.refuse(reply, ctx, 400, 'badRequest');
      }
      const report = await importCohort(store, csv, {
        languages: translator.languages,
        now: clock(),
        dryRun: true,
      });
      return web.page(reply, ctx, {
        title: ctx.t('admin.cohorts'),
        section: 'admin',
        body: CohortPreview({ ctx, report, csv }),
      });
    },
  );

  app.post(
    '/admin/cohorts/import',
    {
      // The checked CSV comes back as a form field: URL-encoded, up to three bytes a character.
      bodyLimit: 3 * maxCsv + 4096,
      schema: { querystring: noQuery, body: form({ csv: Type.Optional(text(maxCsv)) }) },
    },
    async (request, reply) => {
      const ctx = web.context(request);
      const csv = request.body.csv ?? '';
      if (!csv.trim()) return web.refuse(reply, ctx, 400, 'badRequest');
      const report = await importCohort(store, csv, {
        languages: translator.languages,
        now: clock(),
      });
      return overview(ctx, reply, ImportResult({ ctx, report }));
    },
  );

  app.post(
    '/admin/verbinders',
    { schema: { querystring: noQuery, body: staffForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { body } = request;
      const name = (body.name ?? '').trim();
      const login = (body.login ?? '').trim();
      const password = body.password ?? '';
      if (!name || Boolean(login) !== Boolean(password))
        return saidBadly(ctx, reply, 'loginAndPassword');
      try {
        const { verbinder, code, expiresAt } = await addStaffMember(
          store,
          {
            name,
            role: body.role === 'coordinator' ? 'coordinator' : 'verbinder',
            language: translator.languages.find((l) => l === body.language) ?? 'nl',
            languages: translator.languages.filter(
              (l) => (body as Record<string, string | undefined>)[speaksField(l)] === 'yes',
            ),
            ...(body.wijk ? { wijk: body.wijk } : {}),
            ...(login ? { login: { name: login, password } } : {}),
          },
          clock(),
        );
        return overview(ctx, reply, CodeNotice({ ctx, name: verbinder.name, code, expiresAt }));
      } catch (error) {
        if (error instanceof WeakPasswordError) return saidBadly(ctx, reply, 'weakPassword');
        if (error instanceof AdminError) return saidBadly(ctx, reply, 'needsWijk');
        if (isUniqueViolation(error)) return saidBadly(ctx, reply, 'loginTaken');
        throw error;
      }
    },
  );

  app.post(
    '/admin/verbinders/:id/:action',
    {
      schema: {
        params: Type.Object({ id: rowId, action: line(20) }),
        querystring: noQuery,
        body: form({ active: Type.Optional(line(5)) }),
      },
    },
    async (request, reply) => {
      const ctx = web.context(request);
      const { id, action } = request.params;
      const member = await findStaffMember(prisma, id);
      if (!member) return web.refuse(reply, ctx, 404, 'notFound');
      if (action === 'code') {
        const { code, expiresAt } = await issueLinkCode(store, member.id, clock());
        return overview(ctx, reply, CodeNotice({ ctx, name: member.name, code, expiresAt }));
      }
      if (action !== 'active') return web.refuse(reply, ctx, 404, 'notFound');
      const active = request.body.active === 'yes';
      if (!active && member.id === ctx.staff!.id) return saidBadly(ctx, reply, 'notYourself');
      await setStaffActive(store, member.id, active);
      const done = ctx.t(active ? 'admin.activated' : 'admin.deactivated', { name: member.name });
      return overview(ctx, reply, Notice({ text: done }));
    },
  );

  app.post(
    '/admin/wijken',
    { schema: { querystring: noQuery, body: wijkForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const name = (request.body.name ?? '').trim();
      try {
        if (!name) throw new AdminError('a wijk needs a name');
        await addWijk(store, (request.body.id ?? '').trim(), name);
      } catch (error) {
        if (!(error instanceof AdminError)) throw error;
        return saidBadly(ctx, reply, 'wijkId');
      }
      return overview(ctx, reply, Notice({ text: ctx.t('admin.saved') }));
    },
  );

  app.post(
    '/admin/wijken/:id',
    { schema: { params: Type.Object({ id: line(64) }), querystring: noQuery, body: wijkForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const wijk = await findWijk(prisma, request.params.id);
      if (!wijk) return web.refuse(reply, ctx, 404, 'notFound');
      const name = request.body.name?.trim();
      const { active } = request.body;
      await updateWijk(prisma, wijk.id, {
        ...(name ? { name } : {}),
        ...(active ? { active: active === 'yes' } : {}),
      });
      return overview(ctx, reply, Notice({ text: ctx.t('admin.saved') }));
    },
  );
}
