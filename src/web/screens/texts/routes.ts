/**
 * The texts editor, for coordinators: browse residents' texts, change one, undo a change, go
 * back to the shipped text. The work is the texts editor's (`app.texts`, see src/texts): it
 * checks the text with flows:check's rules, versions the change and serves it at once. These
 * routes read the form, say how it went, and show a refused text again with the reasons.
 *
 * `GET /texts?lang=nl&key=<key>` is the edit form and `POST /texts` (`lang`, `key`, `text`)
 * saves it; other tools rely on both.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { sourceLanguage } from '../../../texts/text-catalog.js';
import type { SaveResult } from '../../../texts/text-editor.js';
import type { TextRefusal } from '../../../texts/text-refusal.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, query, text } from '../../request-schema.js';
import type { Web, WebApp } from '../../web.js';
import { statusFilters, TextBrowser } from './browse-view.js';
import { doneNotes, TextEditPage, type DoneNote } from './edit-view.js';
import { groupTitles, languagesInOrder, stepNumbers, summarizeGroups } from './text-groups.js';

/** Room for a text a little too long, so that the editor can say so in words. */
const maxTyped = 4000;
const revisionId = Type.String({ pattern: '^[0-9]{1,9}$', maxLength: 9 });

const textsQuery = query({
  lang: Type.Optional(line(10)),
  key: Type.Optional(line(200)),
  group: Type.Optional(line(64)),
  status: Type.Optional(line(20)),
  search: Type.Optional(line(200)),
  done: Type.Optional(line(20)),
});
const textForm = form({
  lang: Type.Optional(line(10)),
  key: Type.Optional(line(200)),
  text: Type.Optional(text(maxTyped)),
});
const resetForm = form({ lang: Type.Optional(line(10)), key: Type.Optional(line(200)) });
const revertForm = form({
  revision: Type.Optional(revisionId),
  lang: Type.Optional(line(10)),
  key: Type.Optional(line(200)),
});

interface Shown {
  done?: DoneNote | null;
  refusals?: readonly TextRefusal[];
  draft?: string | null;
}

export function registerTextRoutes(app: WebApp, web: Web): void {
  const { texts, flows, clock } = web.deps;
  const steps = stepNumbers(flows);

  /** The edit form of one text; a 404 page for a language or key that does not exist. */
  async function editor(
    ctx: PageContext,
    reply: FastifyReply,
    lang: string,
    key: string,
    shown: Shown = {},
  ) {
    const editable = await texts.editableText(lang, key);
    if (!editable) return web.refuse(reply, ctx, 404, 'notFound');
    const history = await texts.textHistory(lang, key);
    const { catalog } = texts;
    const { place } = editable;
    const flowGroups = [...flows.values()].map((f) => ({
      kind: 'flow' as const,
      id: f.id,
      titleKey: f.title,
    }));
    const titles = groupTitles(
      ctx,
      flows.has(place.group)
        ? flowGroups
        : [...flowGroups, { kind: 'namespace', id: place.group, titleKey: null }],
    );
    const group = titles.get(place.group) ?? place.group;
    return web.page(reply, ctx, {
      title: ctx.t('texts.editTitle'),
      section: 'texts',
      body: TextEditPage({
        ctx,
        text: editable,
        where: {
          group,
          groupId: place.group,
          step: place.step === null ? null : (steps.get(place.group)?.get(place.step) ?? null),
        },
        languages: languagesInOrder(catalog.languages).map((l) => {
          const status = catalog.status(l, key);
          const current = status === 'notUsed' ? undefined : catalog.text(l, key);
          return {
            lang: l,
            cell: {
              text: current?.trim() ? current : null,
              status,
              overridden: catalog.override(l, key) !== undefined,
            },
          };
        }),
        history,
        done: shown.done ?? null,
        refusals: shown.refusals ?? [],
        draft: shown.draft ?? null,
        now: clock(),
      }),
    });
  }

  /** After a change: back to the form with a note, or the form again with the reasons. */
  function answer(
    ctx: PageContext,
    reply: FastifyReply,
    target: { lang: string; key: string },
    result: SaveResult,
    done: DoneNote,
    draft: string | null = null,
  ) {
    if (!result.ok) {
      return editor(ctx, reply.code(422), target.lang, target.key, {
        refusals: result.refusals,
        draft,
      });
    }
    const note = result.revision === null ? 'unchanged' : done;
    const where = result.revision
      ? { lang: result.revision.language, key: result.revision.key }
      : target;
    const search = new URLSearchParams({ ...where, done: note });
    return reply.redirect(`/texts?${search.toString()}`, 303);
  }

  app.get('/texts', { schema: { querystring: textsQuery } }, async (request, reply) => {
    const ctx = web.context(request);
    const q = request.query;
    if (q.key !== undefined) {
      const done = doneNotes.find((d) => d === q.done) ?? null;
      return editor(ctx, reply, q.lang || sourceLanguage, q.key, { done });
    }
    const all = await texts.browseTexts();
    const groups = summarizeGroups(all);
    const filter = {
      group: groups.some((g) => g.id === q.group) ? q.group! : null,
      status: statusFilters.find((s) => s === q.status) ?? null,
      lang: all.languages.includes(q.lang ?? '') ? q.lang! : null,
      search: (q.search ?? '').trim(),
    };
    const browse =
      filter.group || filter.status || filter.search
        ? await texts.browseTexts({
            ...(filter.group ? { group: filter.group } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.lang ? { lang: filter.lang } : {}),
            ...(filter.search ? { search: filter.search } : {}),
          })
        : all;
    return web.page(reply, ctx, {
      title: ctx.t('texts.title'),
      section: 'texts',
      body: TextBrowser({ ctx, browse, groups, filter, titles: groupTitles(ctx, groups), steps }),
    });
  });

  app.post(
    '/texts',
    { schema: { querystring: noQuery, body: textForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { lang, key, text: typed } = request.body;
      if (!lang || !key || typed === undefined) return web.refuse(reply, ctx, 400, 'badRequest');
      if (!(await texts.editableText(lang, key))) return web.refuse(reply, ctx, 404, 'notFound');
      const result = await texts.saveText({ lang, key, text: typed, staffId: ctx.staff!.id });
      return answer(ctx, reply, { lang, key }, result, 'saved', typed);
    },
  );

  app.post(
    '/texts/reset',
    { schema: { querystring: noQuery, body: resetForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { lang, key } = request.body;
      if (!lang || !key) return web.refuse(reply, ctx, 400, 'badRequest');
      if (!(await texts.editableText(lang, key))) return web.refuse(reply, ctx, 404, 'notFound');
      const result = await texts.resetText({ lang, key, staffId: ctx.staff!.id });
      return answer(ctx, reply, { lang, key }, result, 'reset');
    },
  );

  app.post(
    '/texts/revert',
    { schema: { querystring: noQuery, body: revertForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { revision, lang, key } = request.body;
      if (!revision || !lang || !key) return web.refuse(reply, ctx, 400, 'badRequest');
      if (!(await texts.editableText(lang, key))) return web.refuse(reply, ctx, 404, 'notFound');
      const result = await texts.revertText(Number(revision), ctx.staff!.id);
      return answer(ctx, reply, { lang, key }, result, 'reverted');
    },
  );
}
