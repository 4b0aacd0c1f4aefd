/**
 * What every screen gets: the dependencies, the page context of a request (who is signed in,
 * in which language), and two ways to answer: a page (the screen's view inside the layout)
 * or a short page saying why not.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Logger, Translator } from '../conversations/ports.js';
import type { FlowRegistry } from '../flows/engine.js';
import type { HandoffActions } from '../handoff/handoff-actions.js';
import type { JobQueues } from '../jobs/job-queues.js';
import { StaffSessions } from '../staff/staff-sessions.js';
import type { PrismaClient } from '../store/prisma-client.js';
import type { Store } from '../store/store.js';
import type { TextEditor } from '../texts/text-editor.js';
import type { WebchatChannel } from '../bots/webchat/webchat-channel.js';
import { Layout, type Section } from './components/layout.js';
import { Message } from './components/message.js';
import type { LoginLimits } from './login-limiter.js';
import { pageContext, type PageContext } from './page-context.js';

export interface WebDeps {
  /** Handed to finders and domain functions; no web file queries it itself. */
  prisma: PrismaClient;
  /** The repositories: what the dashboard changes goes through them. */
  store: Store;
  translator: Translator;
  flows: FlowRegistry;
  /** Claim, close and hand over; tells residents through the outbox. */
  handoffActions: HandoffActions;
  logger: Logger;
  clock: () => Date;
  /** For the queue board; null: there is no Redis, so no queues. */
  jobs: JobQueues | null;
  defaultLanguage: string;
  /** False only for plain-http development on one's own machine. */
  secureCookies: boolean;
  /** Fastify's `trustProxy` (`WEB_TRUST_PROXY`): whose `X-Forwarded-For` to believe. */
  trustProxy?: boolean | number | string[];
  /** Sign-in limits; the defaults suit production. */
  loginLimits?: LoginLimits;
  /** The texts editor's use cases (`app.texts`): coordinators word residents' texts. */
  texts: TextEditor;
  /** The test chat staff try Bloei with (`app.webchat`, started with the inbound handler). */
  webchat: Pick<WebchatChannel, 'receive' | 'forget'>;
}

/** The server, with TypeBox schemas typing each route's query, params and body. */
export type WebApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Page {
  title: string;
  /** Which navigation item is current. */
  section?: Section;
  /** A script of this site the page may use (see Layout). */
  script?: string;
  body: JSX.Element;
}

export interface Web {
  deps: WebDeps;
  sessions: StaffSessions;
  context(request: FastifyRequest): PageContext;
  /** Sends the page as a whole HTML document. */
  page(reply: FastifyReply, ctx: PageContext, page: Page): Promise<FastifyReply>;
  /** A short page saying why not (400, 403, 404 …) with a way back. */
  refuse(reply: FastifyReply, ctx: PageContext, status: number, key: string): Promise<FastifyReply>;
}

export const sessionCookie = 'bloei_session';

/** A view as the document a browser gets. */
export async function renderDocument(element: JSX.Element): Promise<string> {
  return `<!doctype html>\n${(await element).toString()}`;
}

export function createWeb(deps: WebDeps): Web {
  const queues = deps.jobs !== null;
  const web: Web = {
    deps,
    sessions: new StaffSessions(deps.prisma, deps.clock),
    context: (request) => pageContext(deps.translator, request.session, deps.defaultLanguage),
    page: async (reply, ctx, page) =>
      reply.type('text/html; charset=utf-8').send(
        await renderDocument(
          Layout({
            ctx,
            title: page.title,
            section: page.section,
            queues,
            script: page.script,
            children: page.body,
          }),
        ),
      ),
    refuse: (reply, ctx, status, key) =>
      web.page(reply.code(status), ctx, {
        title: ctx.t(`errors.${key}.title`),
        body: Message({ text: ctx.t(`errors.${key}.body`), back: ctx.t('errors.back') }),
      }),
  };
  return web;
}
