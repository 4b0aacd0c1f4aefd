import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/web/to-csv.js';

describe(toCsv.name, () => {
  it('starts with a byte-order mark and ends every record with CRLF, for Excel', () => {
    const csv = toCsv(['Wijk', 'Aantal'], [['Woensel-Noord', 3]]);
    expect(csv).toBe('\uFEFFWijk,Aantal\r\nWoensel-Noord,3\r\n');
  });

  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    const attacks = [
      '=HYPERLINK("x")',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '＝1',
      '＋1',
      '－1',
      '＠x',
    ];
    const csv = toCsv(
      ['Omschrijving'],
      attacks.map((a) => [a]),
    );
    const cells = (parse(csv, { bom: true, relax_quotes: true }) as string[][])
      .slice(1)
      .map(([cell]) => cell);
    expect(cells).toEqual(attacks.map((a) => `'${a}`));
  });

  it('keeps numbers, also negative ones, as numbers, quotes commas and quotes, and leaves null empty', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [[-4, 'Gezelschap, buiten', 'zei "ja"', null]]);
    expect(csv.split('\r\n')[1]).toBe('-4,"Gezelschap, buiten","zei ""ja""",');
  });
});
