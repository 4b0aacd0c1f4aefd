/**
 * Coordinator tools: import a cohort CSV (a validation report first, then confirm),
 * verbinders (add with a web login, a new chat link code, deactivate) and wijken (add,
 * rename, switch off). Only coordinators get here (see web-server.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { importCohort, type ImportReport } from '../followups/import-cohort.js';
import { AdminError, addVerbinder, addWijk, issueLinkCode } from '../handoff/verbinder-admin.js';
import { setStaffPassword, WeakPasswordError } from '../staff/staff-auth.js';
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';
import type { Web } from './web-server.js';

const maxCsv = 5 * 1024 * 1024;

export function registerAdminRoutes(app: FastifyInstance, web: Web): void {
  const { prisma, store, translator, clock } = web.deps;
  const csrf = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />`;

  const overview = async (ctx: PageContext, reply: FastifyReply, message?: Html) => {
    const verbinders = await prisma.verbinder.findMany({
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
      include: { wijk: { select: { name: true } } },
    });
    const wijken = await prisma.wijk.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
    const wijkOptions = wijken
      .filter((w) => w.active)
      .map((w) => html`<option value="${w.id}">${w.name}</option>`);
    const body = html`${message}
      <section aria-labelledby="cohorts">
        <h2 id="cohorts">${ctx.t('admin.cohorts')}</h2>
        <p>${ctx.t('admin.cohortsExplain')}</p>
        <form
          method="post"
          action="/admin/cohorts/preview?_csrf=${ctx.csrf}"
          enctype="multipart/form-data"
          class="card"
        >
          <label for="csv">${ctx.t('admin.csvFile')}</label>
          <input id="csv" name="csv" type="file" accept=".csv,text/csv" required />
          <p><button type="submit">${ctx.t('admin.check')}</button></p>
        </form>
      </section>
      <section aria-labelledby="verbinders">
        <h2 id="verbinders">${ctx.t('admin.verbinders')}</h2>
        <table class="responsive">
          <thead>
            <tr>
              <th>${ctx.t('admin.name')}</th>
              <th>${ctx.t('admin.role')}</th>
              <th>${ctx.t('filters.wijk')}</th>
              <th>${ctx.t('admin.login')}</th>
              <th>${ctx.t('admin.chat')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${verbinders.map(
              (v) =>
                html`<tr>
                  <td data-label="${ctx.t('admin.name')}">
                    ${v.name}${!v.active && html` <span class="status">${ctx.t('admin.inactive')}</span>`}
                  </td>
                  <td data-label="${ctx.t('admin.role')}">${ctx.t(`admin.roles.${v.role}`)}</td>
                  <td data-label="${ctx.t('filters.wijk')}">${v.wijk?.name ?? '–'}</td>
                  <td data-label="${ctx.t('admin.login')}">${v.login ?? '–'}</td>
                  <td data-label="${ctx.t('admin.chat')}">
                    ${v.linkedAt ? ctx.t('admin.linked') : ctx.t('admin.notLinked')}
                  </td>
                  <td>
                    <div class="inline">
                      <form method="post" action="/admin/verbinders/${v.id}/code">
                        ${csrf(ctx)}<button type="submit" class="secondary">
                          ${ctx.t('admin.newCode')}
                        </button>
                      </form>
                      <form method="post" action="/admin/verbinders/${v.id}/active">
                        ${csrf(ctx)}<input
                          type="hidden"
                          name="active"
                          value="${v.active ? 'no' : 'yes'}"
                        /><button type="submit" class="secondary">
                          ${ctx.t(v.active ? 'admin.deactivate' : 'admin.activate')}
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <form method="post" action="/admin/verbinders" class="card">
          ${csrf(ctx)}
          <h3>${ctx.t('admin.addVerbinder')}</h3>
          <label for="v-name">${ctx.t('admin.name')}</label
          ><input id="v-name" name="name" required maxlength="100" />
          <label for="v-role">${ctx.t('admin.role')}</label
          ><select id="v-role" name="role">
            <option value="verbinder">${ctx.t('admin.roles.verbinder')}</option>
            <option value="coordinator">${ctx.t('admin.roles.coordinator')}</option>
          </select>
          <label for="v-wijk">${ctx.t('filters.wijk')}</label
          ><select id="v-wijk" name="wijk">
            <option value="">–</option>
            ${wijkOptions}
          </select>
          <label for="v-language">${ctx.t('admin.language')}</label
          ><select id="v-language" name="language">
            ${translator.languages.map((l) => html`<option value="${l}">${new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l}</option>`)}
          </select>
          <label for="v-login">${ctx.t('admin.login')}</label
          ><input id="v-login" name="login" maxlength="100" autocomplete="off" />
          <label for="v-password">${ctx.t('admin.password')}</label
          ><input
            id="v-password"
            name="password"
            type="password"
            minlength="12"
            autocomplete="new-password"
          />
          <p><button type="submit">${ctx.t('admin.add')}</button></p>
        </form>
      </section>
      <section aria-labelledby="wijken">
        <h2 id="wijken">${ctx.t('admin.wijken')}</h2>
        <table class="responsive">
          <thead>
            <tr>
              <th>${ctx.t('admin.id')}</th>
              <th>${ctx.t('admin.name')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${wijken.map(
              (w) =>
                html`<tr>
                  <td data-label="${ctx.t('admin.id')}">${w.id}</td>
                  <td data-label="${ctx.t('admin.name')}">
                    <form method="post" action="/admin/wijken/${w.id}" class="inline">
                      ${csrf(ctx)}<input
                        name="name"
                        value="${w.name}"
                        aria-label="${ctx.t('admin.name')}"
                        maxlength="100"
                        required
                      /><button type="submit" class="secondary">${ctx.t('admin.rename')}</button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action="/admin/wijken/${w.id}" class="inline">
                      ${csrf(ctx)}<input
                        type="hidden"
                        name="active"
                        value="${w.active ? 'no' : 'yes'}"
                      /><button type="submit" class="secondary">
                        ${ctx.t(w.active ? 'admin.deactivate' : 'admin.activate')}
                      </button>
                    </form>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <form method="post" action="/admin/wijken" class="card inline">
          ${csrf(ctx)}
          <div>
            <label for="w-id">${ctx.t('admin.id')}</label
            ><input id="w-id" name="id" required pattern="[a-z0-9][a-z0-9\\-]{1,40}" />
          </div>
          <div>
            <label for="w-name">${ctx.t('admin.name')}</label
            ><input id="w-name" name="name" required maxlength="100" />
          </div>
          <button type="submit">${ctx.t('admin.add')}</button>
        </form>
      </section>`;
    return web.page(reply, ctx, ctx.t('admin.title'), body, 'admin');
  };
  const notice = (text: string) => html`<p class="notice" role="status">${text}</p>`;
  const problem = (text: string) => html`<p class="error" role="alert">${text}</p>`;
  const codeNotice = (ctx: PageContext, name: string, code: string, expiresAt: Date) =>
    html`<div class="notice" role="status">
      <p>${ctx.t('admin.codeFor', { name })}</p>
      <p>
        <strong><code id="link-code">${code}</code></strong>
      </p>
      <p>
        ${ctx.t('admin.codeExplain', { until: expiresAt.toLocaleString(ctx.language, { timeZone: 'Europe/Amsterdam' }) })}
      </p>
    </div>`;

  app.get('/admin', async (request, reply) => overview(web.context(request), reply));

  const reportView = (ctx: PageContext, report: ImportReport) =>
    report.ok
      ? html`<ul>
          <li>${ctx.t('admin.report.rows', { count: report.rows })}</li>
          <li>${ctx.t('admin.report.newContacts', { count: report.newContacts })}</li>
          <li>${ctx.t('admin.report.newEnrolments', { count: report.newEnrolments })}</li>
          <li>${ctx.t('admin.report.late', { count: report.late })}</li>
        </ul>`
      : html`<div class="error" role="alert">
          <p>${ctx.t('admin.report.errors', { count: report.errors.length })}</p>
          <ul>
            ${report.errors.slice(0, 100).map((e) => html`<li>${e}</li>`)}
          </ul>
        </div>`;

  app.post('/admin/cohorts/preview', async (request, reply) => {
    const ctx = web.context(request);
    const file = await request.file();
    const csv = file ? (await file.toBuffer()).toString('utf8') : '';
    if (!csv.trim() || csv.length > maxCsv) return web.refuse(reply, ctx, 400, 'badRequest');
    const report = await importCohort(store, csv, {
      languages: translator.languages,
      now: clock(),
      dryRun: true,
    });
    const body = html`<h2>${ctx.t('admin.report.title')}</h2>
      ${reportView(ctx, report)}
      ${
        report.ok
          ? html`<form method="post" action="/admin/cohorts/import">
              ${csrf(ctx)}
              <textarea name="csv" hidden aria-hidden="true">${csv}</textarea>
              <p>
                <button type="submit">
                  ${ctx.t('admin.confirmImport', { count: report.rows })}
                </button>
                <a href="/admin">${ctx.t('admin.cancel')}</a>
              </p>
            </form>`
          : html`<p><a href="/admin">${ctx.t('admin.tryAgain')}</a></p>`
      }`;
    return web.page(reply, ctx, ctx.t('admin.cohorts'), body, 'admin');
  });

  app.post('/admin/cohorts/import', async (request, reply) => {
    const ctx = web.context(request);
    const csv = String((request.body as { csv?: string }).csv ?? '');
    if (!csv.trim()) return web.refuse(reply, ctx, 400, 'badRequest');
    const report = await importCohort(store, csv, {
      languages: translator.languages,
      now: clock(),
    });
    return overview(
      ctx,
      reply,
      html`<h2>${ctx.t(report.ok ? 'admin.imported' : 'admin.report.title')}</h2>
        ${reportView(ctx, report)}`,
    );
  });

  app.post('/admin/verbinders', async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as Record<string, string | undefined>;
    const role = body['role'] === 'coordinator' ? 'coordinator' : 'verbinder';
    const language = translator.languages.find((l) => l === body['language']) ?? 'nl';
    const name = (body['name'] ?? '').trim().slice(0, 100);
    const login = (body['login'] ?? '').trim();
    const password = body['password'] ?? '';
    if (!name || Boolean(login) !== Boolean(password)) {
      return overview(ctx, reply.code(400), problem(ctx.t('admin.loginAndPassword')));
    }
    try {
      const { verbinder, code, expiresAt } = await addVerbinder(
        store,
        { name, role, language, ...(body['wijk'] ? { wijk: body['wijk'] } : {}) },
        clock(),
      );
      if (login) {
        await setStaffPassword(store, verbinder.id, login, password).catch(
          async (error: unknown) => {
            await prisma.verbinder.delete({ where: { id: verbinder.id } });
            throw error;
          },
        );
      }
      return overview(ctx, reply, codeNotice(ctx, verbinder.name, code, expiresAt));
    } catch (error) {
      if (error instanceof WeakPasswordError) {
        return overview(ctx, reply.code(400), problem(ctx.t('admin.weakPassword')));
      }
      if (error instanceof AdminError)
        return overview(ctx, reply.code(400), problem(ctx.t('admin.needsWijk')));
      if ((error as { code?: string }).code === 'P2002') {
        return overview(ctx, reply.code(400), problem(ctx.t('admin.loginTaken')));
      }
      throw error;
    }
  });

  app.post('/admin/verbinders/:id/:action', async (request, reply) => {
    const ctx = web.context(request);
    const { id, action } = request.params as { id: string; action: string };
    const verbinder = await prisma.verbinder.findUnique({ where: { id } });
    if (!verbinder) return web.refuse(reply, ctx, 404, 'notFound');
    if (action === 'code') {
      const { code, expiresAt } = await issueLinkCode(store, verbinder.id, clock());
      return overview(ctx, reply, codeNotice(ctx, verbinder.name, code, expiresAt));
    }
    if (action !== 'active') return web.refuse(reply, ctx, 404, 'notFound');
    const active = (request.body as { active?: string }).active === 'yes';
    if (!active && verbinder.id === ctx.staff!.id) {
      return overview(ctx, reply.code(400), problem(ctx.t('admin.notYourself')));
    }
    await prisma.verbinder.update({ where: { id }, data: { active } });
    if (!active) await prisma.staffSession.deleteMany({ where: { staffId: id } });
    return overview(
      ctx,
      reply,
      notice(ctx.t(active ? 'admin.activated' : 'admin.deactivated', { name: verbinder.name })),
    );
  });

  app.post('/admin/wijken', async (request, reply) => {
    const ctx = web.context(request);
    const body = request.body as { id?: string; name?: string };
    const name = (body.name ?? '').trim().slice(0, 100);
    try {
      if (!name) throw new AdminError('name');
      await addWijk(store, (body.id ?? '').trim(), name);
    } catch (error) {
      if (!(error instanceof AdminError)) throw error;
      return overview(ctx, reply.code(400), problem(ctx.t('admin.wijkId')));
    }
    return overview(ctx, reply, notice(ctx.t('admin.saved')));
  });

  app.post('/admin/wijken/:id', async (request, reply) => {
    const ctx = web.context(request);
    const { id } = request.params as { id: string };
    const body = request.body as { name?: string; active?: string };
    const wijk = await prisma.wijk.findUnique({ where: { id } });
    if (!wijk) return web.refuse(reply, ctx, 404, 'notFound');
    const name = body.name?.trim().slice(0, 100);
    await prisma.wijk.update({
      where: { id },
      data: {
        ...(name ? { name } : {}),
        ...(body.active ? { active: body.active === 'yes' } : {}),
      },
    });
    return overview(ctx, reply, notice(ctx.t('admin.saved')));
  });
}
