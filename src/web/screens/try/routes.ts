/**
 * Try it: staff chat with Bloei on the dashboard as a test resident of their own, through the
 * same pipeline as a resident on Telegram (the web chat channel, `app.webchat`). Their
 * answers never count as a resident's. A message or a tapped button is handed to the channel
 * and the page shown again; the replies are whatever the channel kept for it by then, and the
 * script shows later ones. "Start over" erases the test resident like "forget me" does.
 */
import { Type } from 'typebox';
import {
  findWebchatChoice,
  findWebchatConversation,
  findWebchatLatest,
} from '../../../store/finders/webchat-finder.js';
import type { PageContext } from '../../page-context.js';
import { form, line, noQuery, query, text } from '../../request-schema.js';
import { webchatHelmet } from '../../security-headers.js';
import type { Web, WebApp } from '../../web.js';
import { chatScript } from './chat-script.js';
import { TryPage } from './view.js';

const tryQuery = query({ lang: Type.Optional(line(10)), done: Type.Optional(line(20)) });
const messageForm = form({
  text: Type.Optional(text(1000)),
  choice: Type.Optional(line(64)),
  ref: Type.Optional(line(200)),
  lang: Type.Optional(line(10)),
});
const restartForm = form({ lang: Type.Optional(line(10)) });

export function registerTryRoutes(app: WebApp, web: Web): void {
  const { prisma, translator, webchat, defaultLanguage } = web.deps;
  const { languages } = translator;
  const known = (lang: string | undefined) =>
    lang !== undefined && languages.includes(lang) ? lang : undefined;
  /** The page again, in the language the test resident was given. */
  const back = (lang: string | undefined, done?: string) => {
    const search = new URLSearchParams({
      ...(lang ? { lang } : {}),
      ...(done ? { done } : {}),
    }).toString();
    return `/try${search ? `?${search}` : ''}${done ? '' : '#reply'}`;
  };
  const userOf = (ctx: PageContext) => ctx.staff!.id;

  app.get(
    '/try',
    { schema: { querystring: tryQuery }, config: { helmet: webchatHelmet } },
    async (request, reply) => {
      const ctx = web.context(request);
      const conversation = await findWebchatConversation(prisma, userOf(ctx));
      const language =
        conversation.language ??
        known(request.query.lang) ??
        known(ctx.language) ??
        defaultLanguage;
      return web.page(reply, ctx, {
        title: ctx.t('try.title'),
        section: 'try',
        script: '/try/chat.js',
        body: TryPage({
          ctx,
          conversation,
          language,
          languages,
          restarted: request.query.done === 'restarted',
        }),
      });
    },
  );

  app.post(
    '/try',
    { schema: { querystring: noQuery, body: messageForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      const { text: typed, choice, ref, lang } = request.body;
      const hint = known(lang);
      if (choice) {
        const tapped = await findWebchatChoice(prisma, userOf(ctx), ref || null, choice);
        if (!tapped) return web.refuse(reply, ctx, 400, 'badRequest');
        await webchat.receive(
          userOf(ctx),
          { type: 'choice', id: tapped.id, ref: ref || null, label: tapped.label },
          hint,
        );
      } else if (typed?.trim()) {
        await webchat.receive(userOf(ctx), { type: 'text', text: typed }, hint);
      }
      return reply.redirect(back(hint), 303);
    },
  );

  app.post(
    '/try/restart',
    { schema: { querystring: noQuery, body: restartForm } },
    async (request, reply) => {
      const ctx = web.context(request);
      await webchat.forget(userOf(ctx));
      return reply.redirect(back(known(request.body.lang), 'restarted'), 303);
    },
  );

  app.get('/try/latest', { schema: { querystring: noQuery } }, async (request) => ({
    latest: await findWebchatLatest(prisma, userOf(web.context(request))),
  }));

  app.get('/try/chat.js', { schema: { querystring: noQuery } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(chatScript),
  );
}
