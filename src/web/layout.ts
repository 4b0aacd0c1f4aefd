/**
 * The page around every screen: language and direction, a skip link, the navigation a
 * staff member may use, and sign-out. Semantic HTML that works without JavaScript.
 */
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';

const rtl = new Set(['ar']);

export type Section = 'inbox' | 'matches' | 'talents' | 'indicators' | 'admin' | 'login';

export function layout(
  ctx: PageContext,
  title: string,
  body: Html,
  active?: Section,
  options: { queues: boolean } = { queues: false },
): Html {
  const item = (section: Section, href: string, label: string) =>
    html`<li>
      <a href="${href}" ${active === section ? html` aria-current="page"` : ''}>${label}</a>
    </li>`;
  const staff = ctx.staff;
  return html`<!doctype html>
    <html lang="${ctx.language}" dir="${rtl.has(ctx.language) ? 'rtl' : 'ltr'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Bloei</title>
        <link rel="stylesheet" href="/bloei.css" />
      </head>
      <body>
        <a class="skip" href="#main">${ctx.t('nav.skip')}</a>
        <header>
          <p class="brand">Bloei <span>${ctx.t('nav.tagline')}</span></p>
          ${
            staff &&
            html`<nav aria-label="${ctx.t('nav.label')}">
              <ul>
                ${item('inbox', '/inbox', ctx.t('nav.inbox'))}
                ${item('matches', '/matches', ctx.t('nav.matches'))}
                ${item('talents', '/talents', ctx.t('nav.talents'))}
                ${item('indicators', '/indicators', ctx.t('nav.indicators'))}
                ${staff.role === 'coordinator' && item('admin', '/admin', ctx.t('nav.admin'))}
                ${staff.role === 'coordinator' && options.queues && html`<li><a href="/queues">${ctx.t('nav.queues')}</a></li>`}
              </ul>
              <form method="post" action="/logout" class="logout">
                <input type="hidden" name="_csrf" value="${ctx.csrf}" />
                <span>${staff.name}</span> <button type="submit">${ctx.t('nav.logout')}</button>
              </form>
            </nav>`
          }
        </header>
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}
