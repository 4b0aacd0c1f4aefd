import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlowsCheck } from '../../src/cli/flows-check.js';
import { checkFlows } from '../../src/flows/check.js';
import { flowInputs, loadFlows } from '../../src/flows/definitions/index.js';
import { localeTable } from '../support/locale-lexicon.js';

const repo = join(import.meta.dirname, '../..');

const broken = {
  id: 'broken',
  version: 1,
  title: 'menu.title',
  start: 'first',
  steps: {
    first: {
      kind: 'yesno',
      text: 'broken.question',
      branches: [{ when: 'maybe', next: 'second' }],
      next: 'nowhere',
    },
    second: { kind: 'message', text: 'menu.title', params: { x: '$ghost' }, next: '@nope' },
    orphan: { kind: 'message', text: 'menu.title', next: 'end' },
  },
};

describe(checkFlows.name, () => {
  it('passes on the definitions and locales in the repository', () => {
    expect(checkFlows(loadFlows(), localeTable)).toEqual([]);
  });

  it('reports unknown targets, impossible branches, unsaved answers, unreachable steps and missing keys', () => {
    const problems = checkFlows(loadFlows([...flowInputs, broken]), localeTable);
    expect(problems).toEqual(
      expect.arrayContaining([
        'flow broken, step first: unknown target nowhere',
        'flow broken, step first: branch on impossible maybe',
        'flow broken, step second: unknown flow @nope',
        'flow broken, step second: no step saves $ghost',
        'flow broken, step orphan: unreachable',
        'key broken.question: missing in ar, en, nl, pl, tr, uk',
      ]),
    );
  });

  it('requires every step that hands off to say what happens when nobody can receive it', () => {
    const promises = {
      id: 'promises',
      version: 1,
      title: 'menu.title',
      start: 'call',
      steps: {
        call: {
          kind: 'message',
          text: 'system.personRequested',
          do: [{ type: 'handoff', reason: 'contact_requested' }],
          next: 'end',
        },
      },
    };
    expect(checkFlows(loadFlows([...flowInputs, promises]), localeTable)).toContain(
      'flow promises, step call: hands off without a noVerbinderText for when nobody can',
    );
  });

  it('reports a key that one language lacks', () => {
    const table = structuredClone(localeTable);
    delete table['en']!['talentenscan.energy'];
    expect(checkFlows(loadFlows(), table)).toEqual(['key talentenscan.energy: missing in en']);
  });

  it('rejects a definition that breaks the schema, naming the flow', () => {
    const problems = runFlowsCheck(undefined, [{ ...broken, start: 'missing' }]);
    expect(problems[0]).toMatch(/^flow broken: start: start must name a step/);
  });
});

describe('npm run flows:check', () => {
  it('exits non-zero and names the problem when a locale misses a key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bloei-locales-'));
    cpSync(join(repo, 'locales'), dir, { recursive: true });
    const file = join(dir, 'en', 'talentenscan.json');
    const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete texts['skills'];
    writeFileSync(file, JSON.stringify(texts));
    const result = spawnSync('npx', ['tsx', 'src/cli/flows-check.ts', dir], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('key talentenscan.skills: missing in en');
  });
});

describe('translations', () => {
  it('flags a text in another language that is still the Dutch or English one', () => {
    const table = structuredClone(localeTable);
    table['tr']!['talentenscan.energy'] = table['en']!['talentenscan.energy']!;
    table['pl']!['menu.choose'] = table['nl']!['menu.choose']!;
    expect(checkFlows(loadFlows(), table)).toEqual([
      'key menu.choose: not translated in pl (same as nl or en)',
      'key talentenscan.energy: not translated in tr (same as nl or en)',
    ]);
  });

  it('allows names that are the same everywhere', () => {
    expect(localeTable['tr']!['language.names.pl']).toBe(localeTable['en']!['language.names.pl']);
    expect(checkFlows(loadFlows(), localeTable)).toEqual([]);
  });

  it('asks each language for its own plural forms (Arabic has six)', () => {
    const table = structuredClone(localeTable);
    expect(Object.keys(table['ar']!).filter((k) => k.startsWith('system.truncated_'))).toHaveLength(
      6,
    );
    delete table['ar']!['system.truncated_two'];
    delete table['pl']!['system.truncated_few'];
    expect(checkFlows(loadFlows(), table)).toEqual(['key system.truncated: missing in ar, pl']);
  });
});
