import { describe, expect, it } from 'vitest';
import { Layout } from '../../../src/web/components/layout.js';
import { render, scriptName, textOf, viewContext } from '../screens/render-view.js';

describe(Layout.name, () => {
  it('shows a verbinder her screens, marks the current one and signs out with the token', async () => {
    const ctx = await viewContext();
    const page = await render(Layout({ ctx, title: 'Hand-offs', section: 'inbox', queues: true }));
    const links = page.querySelectorAll('header nav a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/inbox',
      '/matches',
      '/talents',
      '/kaart',
      '/indicators',
      '/export',
      '/try',
    ]);
    expect(page.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe('/inbox');
    expect(
      page.querySelector('form[action="/logout"] input[name="_csrf"]')?.getAttribute('value'),
    ).toBe('csrf-token-1');
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('nl');
    expect(textOf(page.querySelector('h1'))).toBe('Hand-offs');
  });

  it('links a coordinator to the queue board only when there are queues (Redis)', async () => {
    const ctx = await viewContext({ role: 'coordinator' });
    const hrefs = async (queues: boolean) =>
      (await render(Layout({ ctx, title: 'Beheer', queues })))
        .querySelectorAll('header nav a')
        .map((a) => a.getAttribute('href'));
    expect(await hrefs(true)).toEqual(expect.arrayContaining(['/texts', '/admin', '/queues']));
    expect(await hrefs(false)).toContain('/admin');
    expect(await hrefs(false)).not.toContain('/queues');
  });

  it('writes Arabic right to left, and shows no navigation to a visitor who is not signed in', async () => {
    const ctx = await viewContext({ language: 'ar' });
    const page = await render(Layout({ ctx, title: 'x', queues: false }));
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    const anonymous = { ...ctx, staff: null };
    expect(
      (await render(Layout({ ctx: anonymous, title: 'x', queues: true }))).querySelector('nav'),
    ).toBeNull();
  });

  it('escapes the title and the staff member’s name', async () => {
    const ctx = await viewContext({ name: scriptName });
    const page = await render(Layout({ ctx, title: scriptName, queues: false }));
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(textOf(page.querySelector('h1'))).toBe(scriptName);
    expect(textOf(page.querySelector('.logout span'))).toBe(scriptName);
  });
});
