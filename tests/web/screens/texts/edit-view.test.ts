import { describe, expect, it } from 'vitest';
import type { TextRevision } from '../../../../src/texts/text-store.js';
import type { EditableText } from '../../../../src/texts/text-editor.js';
import {
  TextEditPage,
  type TextEditPageProps,
} from '../../../../src/web/screens/texts/edit-view.js';
import { render, scriptName, textOf, viewContext } from '../render-view.js';

const now = new Date('2026-12-07T10:00:00Z');

const energy = (over: Partial<EditableText> = {}): EditableText => ({
  lang: 'nl',
  key: 'talentenscan.energy',
  notEditable: null,
  text: 'Waar krijg je energie van?',
  shipped: 'Waar krijg je energie van? Waar word je blij van?',
  override: { text: 'Waar krijg je energie van?', revisionId: 7 },
  dutch: 'Waar krijg je energie van?',
  status: 'source',
  placeholders: { required: [], allowed: [] },
  wordList: false,
  maxLength: 1000,
  place: { group: 'talentenscan', step: 'energy' },
  ...over,
});

const revision: TextRevision = {
  id: 7,
  language: 'nl',
  key: 'talentenscan.energy',
  kind: 'save',
  before: null,
  beforeSourceHash: null,
  after: 'Waar krijg je energie van?',
  afterSourceHash: null,
  revertOf: null,
  staffId: 'staff-1',
  staffName: 'Carla',
  at: new Date('2026-12-07T09:00:00Z'),
};

async function page(over: Partial<TextEditPageProps> = {}) {
  const text = over.text ?? energy();
  return render(
    TextEditPage({
      ctx: await viewContext({ role: 'coordinator' }),
      text,
      where: { group: 'Talentenscan', groupId: 'talentenscan', step: 1 },
      languages: [{ lang: 'nl', cell: { text: text.text, status: 'source', overridden: true } }],
      history: [revision],
      done: null,
      refusals: [],
      draft: null,
      now,
      ...over,
    }),
  );
}

describe(TextEditPage.name, () => {
  it('posts the form fields the editor relies on: lang, key, text and _csrf', async () => {
    const form = (await page()).querySelectorAll('form[method=post]').find((f) => {
      return f.querySelector('textarea[name=text]') !== null;
    });
    expect(form?.getAttribute('action')).toBe('/texts');
    expect(form?.querySelector('input[name=lang]')?.getAttribute('value')).toBe('nl');
    expect(form?.querySelector('input[name=key]')?.getAttribute('value')).toBe(
      'talentenscan.energy',
    );
    expect(form?.querySelector('input[name=_csrf]')?.getAttribute('value')).toBe('csrf-token-1');
    expect(textOf(form?.querySelector('textarea[name=text]'))).toBe('Waar krijg je energie van?');
  });

  it('names who changed the text in its history, in words', async () => {
    const tables = (await page()).querySelectorAll('table').map((t) => textOf(t));
    const history = tables.find((t) => t.includes('Door')) ?? '';
    expect(history).toContain('Carla');
    expect(history).toContain('aangepast');
  });

  it('keeps a refused draft, says why in Dutch, and escapes what was typed', async () => {
    const refused = await page({
      refusals: [{ code: 'missingPlaceholder', value: '{{skills}}' }],
      draft: scriptName,
    });
    expect(textOf(refused)).toContain('Niet opgeslagen');
    expect(textOf(refused.querySelector('textarea[name=text]'))).toBe(scriptName);
    expect(refused.querySelector('script')).toBeNull();
  });
});
