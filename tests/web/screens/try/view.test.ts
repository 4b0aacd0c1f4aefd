import { describe, expect, it } from 'vitest';
import type { WebchatEntry } from '../../../../src/store/finders/webchat-finder.js';
import { openQuestion, TryPage } from '../../../../src/web/screens/try/view.js';
import { render, scriptName, textOf, viewContext } from '../render-view.js';

const at = new Date('2026-03-02T10:00:00Z');
let nextId = 1;
const line = (author: WebchatEntry['author'], text: string, choices: string[] = []) => ({
  id: nextId++,
  author,
  text,
  choices: choices.map((label, i) => ({ id: `c${i + 1}`, label })),
  ref: choices.length > 0 ? 'onboarding.consent' : null,
  at,
});
const languages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'];

describe(TryPage.name, () => {
  it('invites a first message when there is no conversation yet', async () => {
    const page = await render(
      TryPage({
        ctx: await viewContext(),
        conversation: { lines: [], language: null },
        language: 'nl',
        languages,
        restarted: false,
      }),
    );
    expect(textOf(page.querySelector('#chat-live p.notice'))).toContain('Nog geen berichten.');
    expect(page.querySelector('form#reply input[name=lang]')?.getAttribute('value')).toBe('nl');
    const options = page.querySelectorAll('#try-lang option');
    expect(options.map((o) => o.text)).toEqual([
      'Nederlands',
      'English',
      'العربية',
      'Türkçe',
      'Polski',
      'Українська',
    ]);
  });

  it('offers the buttons of the open question only, in the resident’s language', async () => {
    const lines = [
      line('bloei', 'In welke taal?', ['Nederlands', 'English']),
      line('resident', 'English'),
      line('bloei', 'May I keep your answers?', ['Yes', 'No']),
    ];
    expect(openQuestion(lines)).toBe(2);
    const page = await render(
      TryPage({
        ctx: await viewContext(),
        conversation: { lines, language: 'en' },
        language: 'en',
        languages,
        restarted: true,
      }),
    );
    expect(page.querySelector('ol.chat')?.getAttribute('lang')).toBe('en');
    expect(page.querySelectorAll('form.choices button').map((b) => b.text)).toEqual([
      '1. Yes',
      '2. No',
    ]);
    expect(page.querySelector('form.choices input[name=ref]')?.getAttribute('value')).toBe(
      'onboarding.consent',
    );
    // The answered question's buttons are words now, not buttons.
    expect(page.querySelectorAll('ol.past-choices li').map((li) => li.text)).toEqual([
      'Nederlands',
      'English',
    ]);
    expect(textOf(page.querySelector('[role=status]'))).toContain('Je testinwoner is gewist.');
    expect(page.querySelector('#chat-live')?.getAttribute('data-latest')).toBe(
      String(lines[2]!.id),
    );
  });

  it('says a reply is on its way after the test resident wrote, and offers no buttons', async () => {
    const lines = [line('bloei', 'Ja of nee?', ['Ja', 'Nee']), line('resident', 'Ja')];
    expect(openQuestion(lines)).toBe(-1);
    const page = await render(
      TryPage({
        ctx: await viewContext(),
        conversation: { lines, language: 'nl' },
        language: 'nl',
        languages,
        restarted: false,
      }),
    );
    expect(page.querySelector('form.choices')).toBeNull();
    expect(textOf(page.querySelector('#chat-live [role=status]'))).toContain('Bloei antwoordt zo.');
  });

  it('escapes what was typed and what Bloei said', async () => {
    const lines = [line('resident', scriptName), line('bloei', scriptName, [scriptName])];
    const page = await render(
      TryPage({
        ctx: await viewContext(),
        conversation: { lines, language: 'nl' },
        language: 'nl',
        languages,
        restarted: false,
      }),
    );
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelectorAll('p.lines-kept').map((p) => p.text)).toEqual([
      scriptName,
      scriptName,
    ]);
  });
});
