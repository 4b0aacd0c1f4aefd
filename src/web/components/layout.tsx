/**
 * The page around every screen: language and direction, a skip link, the navigation a
 * staff member may use, and sign-out. Semantic HTML that works without JavaScript. The queue
 * board is in the navigation only where there are queues (with Redis).
 */
import type { Child } from 'hono/jsx';
import type { PageContext } from '../page-context.js';
import { CsrfField } from './forms.js';
import { direction } from './language-text.js';

export type Section =
  | 'inbox'
  | 'matches'
  | 'talents'
  | 'kaart'
  | 'indicators'
  | 'exports'
  | 'try'
  | 'texts'
  | 'admin'
  | 'parked'
  | 'campaigns'
  | 'schedule'
  | 'queues'
  | 'login';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  section?: Section | undefined;
  /** Whether the queue board exists. */
  queues: boolean;
  /** A script of this site that makes the page livelier; the page works without it. */
  script?: string | undefined;
  children?: Child;
}

export function Layout({ ctx, title, section, queues, script, children }: LayoutProps) {
  const staff = ctx.staff;
  const coordinator = staff?.role === 'coordinator';
  const items: [Section, string, boolean][] = [
    ['inbox', '/inbox', true],
    ['matches', '/matches', true],
    ['talents', '/talents', true],
    ['kaart', '/kaart', true],
    ['indicators', '/indicators', true],
    ['exports', '/export', true],
    ['try', '/try', true],
    ['texts', '/texts', coordinator],
    ['admin', '/admin', coordinator],
    ['campaigns', '/campaigns', coordinator],
    ['schedule', '/schedule', coordinator],
    ['parked', '/parked', coordinator],
    ['queues', '/queues', coordinator && queues],
  ];
  return (
    <html lang={ctx.language} dir={direction(ctx.language)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Bloei`}</title>
        <link rel="stylesheet" href="/bloei.css" />
        {/* No icon to fetch: browsers would otherwise ask for /favicon.ico and get a 404. */}
        <link rel="icon" href="data:," />
        {script && <script src={script} defer />}
      </head>
      <body>
        <a class="skip" href="#main">
          {ctx.t('nav.skip')}
        </a>
        <header>
          <p class="brand">
            Bloei <span>{ctx.t('nav.tagline')}</span>
          </p>
          {staff && (
            <nav aria-label={ctx.t('nav.label')}>
              <ul>
                {items
                  .filter(([, , shown]) => shown)
                  .map(([name, href]) => (
                    <li>
                      <a href={href} aria-current={name === section ? 'page' : undefined}>
                        {ctx.t(`nav.${name}`)}
                      </a>
                    </li>
                  ))}
              </ul>
              <form method="post" action="/logout" class="logout">
                <CsrfField token={ctx.csrf} />
                <span>{staff.name}</span> <button type="submit">{ctx.t('nav.logout')}</button>
              </form>
            </nav>
          )}
        </header>
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
