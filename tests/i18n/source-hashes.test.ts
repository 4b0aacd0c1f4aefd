import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSourceHashes,
  readSourceHashes,
  stampSourceHashes,
} from '../../src/i18n/source-hashes.js';
import { localeTable } from '../support/locale-lexicon.js';

const repo = join(import.meta.dirname, '../..');
const committed = readSourceHashes();
const key = 'talentenscan.energy';

function withDutch(text: string) {
  const table = structuredClone(localeTable);
  table['nl']![key] = text;
  return table;
}

describe(checkSourceHashes.name, () => {
  it('finds every committed translation stamped with the Dutch text it follows', () => {
    expect(checkSourceHashes(localeTable, committed)).toEqual([]);
  });

  it('reports the translations a change to the Dutch text left outdated', () => {
    const problems = checkSourceHashes(withDutch('Waar word je blij van?'), committed);
    expect(problems).toEqual([
      `key ${key}: the Dutch text changed after the ar, en, pl, tr, uk translation was written: ` +
        `update it and run npm run texts:stamp, or run npm run texts:stamp -- --accept ${key} ` +
        `if it still fits`,
    ]);
  });

  it('asks for a stamp when a translation is new, rewritten, or gone', () => {
    const table = structuredClone(localeTable);
    table['en']![key] = 'What gives you energy and joy?';
    table['nl']!['talentenscan.brandNew'] = 'Nieuw';
    table['tr']!['talentenscan.brandNew'] = 'Yeni';
    delete table['pl']!['talentenscan.skills'];
    expect(checkSourceHashes(table, committed)).toEqual([
      '.source-hashes.json: 2 translation(s) new or changed since the last stamp ' +
        `(talentenscan.brandNew, ${key}): run npm run texts:stamp`,
      '.source-hashes.json: 1 entry(ies) for texts that are gone: run npm run texts:stamp',
    ]);
  });
});

describe(stampSourceHashes.name, () => {
  it('keeps an unchanged translation outdated, and records a rewritten one as following the new Dutch text', () => {
    const table = withDutch('Waar word je blij van?');
    table['en']![key] = 'What makes you happy?';
    const stamped = stampSourceHashes(table, committed);
    expect(checkSourceHashes(table, stamped)).toEqual([
      expect.stringMatching(/^key talentenscan\.energy: .* the ar, pl, tr, uk translation/),
    ]);
  });

  it('accepts a Dutch change that does not touch the translations (a typo)', () => {
    const table = withDutch('Waar krijg je energie van?  Waar word je blij van?');
    const stamped = stampSourceHashes(table, committed, [key]);
    expect(checkSourceHashes(table, stamped)).toEqual([]);
    expect(stamped['en']!['talentenscan.skills']).toEqual(committed['en']!['talentenscan.skills']);
  });
});

describe('npm run flows:check and npm run texts:stamp', () => {
  it('fail on an outdated translation until it is updated or accepted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bloei-locales-'));
    cpSync(join(repo, 'locales'), dir, { recursive: true });
    const file = join(dir, 'nl', 'talentenscan.json');
    const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...texts, energy: 'Waar word je blij van?' }));
    const run = (script: string, ...args: string[]) =>
      spawnSync('npx', ['tsx', script, dir, ...args], { cwd: repo, encoding: 'utf8' });

    const check = run('src/cli/flows-check.ts');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`key ${key}: the Dutch text changed after the ar, en`);
    expect(run('src/i18n/stamp-source-hashes.ts').stderr).toContain(`key ${key}`);
    expect(run('src/cli/flows-check.ts').status).toBe(1);
    expect(run('src/i18n/stamp-source-hashes.ts', '--accept', key).status).toBe(0);
    expect(run('src/cli/flows-check.ts').status).toBe(0);
  });
});
