/**
 * Views rendered on plain data, as the browser would get them, parsed back into a DOM to
 * assert on; texts in the real locales, so a test reads the words a person reads.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Translator } from '../../../src/conversations/ports.js';
import { loadLocales } from '../../../src/i18n/load-locales.js';
import { createTranslator } from '../../../src/i18n/translator.js';
import { pageContext, type PageContext } from '../../../src/web/page-context.js';

let translator: Promise<Translator> | undefined;

export interface ViewerOptions {
  role?: 'verbinder' | 'coordinator';
  language?: string;
  wijkId?: string | null;
  name?: string;
}

/** The page context of a signed-in staff member (a verbinder of Stratum, in Dutch). */
export async function viewContext(options: ViewerOptions = {}): Promise<PageContext> {
  translator ??= createTranslator(loadLocales(), 'nl');
  return pageContext(
    await translator,
    {
      staff: {
        id: 'staff-1',
        name: options.name ?? 'Anna',
        role: options.role ?? 'verbinder',
        wijkId: options.wijkId === undefined ? 'stratum' : options.wijkId,
        language: options.language ?? 'nl',
      },
      csrfToken: 'csrf-token-1',
    },
    'nl',
  );
}

/** The HTML a view renders. */
export async function html(element: JSX.Element): Promise<string> {
  return (await element).toString();
}

/** The view's HTML as a DOM. */
export async function render(element: JSX.Element): Promise<HTMLElement> {
  return parse(await html(element));
}

/** The text of an element with its whitespace collapsed, as a reader sees it. */
export const textOf = (element: HTMLElement | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A name that would run a script if a view forgot to escape it. */
export const scriptName = '<script>alert("x")</script>&';
