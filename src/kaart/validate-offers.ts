/**
 * Reads and checks a kaart file as a whole before anything is stored: every wrong cell is a
 * problem naming its line (as a spreadsheet numbers it), column and value, so a coordinator
 * can fix the whole file in one go. Pure: the known wijken and verbinders are passed in.
 */
import { parse } from 'csv-parse/sync';
import {
  optionalColumns,
  parseTranslationColumn,
  requiredColumns,
  unguardCell,
} from './offer-columns.js';
import type { OfferProblem } from './offer-problem.js';
import { isLanguageCode } from './spoken-languages.js';
import {
  validateOfferRecord,
  type KnownReferences,
  type OfferRow,
} from './validate-offer-record.js';

export interface OfferValidation {
  rows: OfferRow[];
  problems: OfferProblem[];
}

/** Parses `csv` and validates every line against `known`. */
export function validateOffers(csv: string, known: KnownReferences): OfferValidation {
  let table: string[][];
  try {
    table = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    return { rows: [], problems: [{ line: 1, code: 'notCsv', value: (error as Error).message }] };
  }
  const [headerCells = [], ...body] = table;
  const header = headerCells.map((column) => column.trim().toLowerCase());
  const headerProblems = checkHeader(header);
  if (headerProblems.length > 0) return { rows: [], problems: headerProblems };

  const rows: OfferRow[] = [];
  const problems: OfferProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    // A spreadsheet shows the header as line 1 and every record, empty ones too, as a line.
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== header.length) {
      problems.push({
        line,
        code: 'cellCount',
        value: String(cells.length),
        expected: String(header.length),
      });
      return;
    }
    const record = Object.fromEntries(
      header.map((column, i) => [column, unguardCell(cells[i] ?? '')]),
    );
    const found = validateOfferRecord(record, line, known);
    problems.push(...found.problems);
    if (!found.row) return;
    const key = `${found.row.name}\u0000${found.row.wijk}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        code: 'duplicate',
        column: 'name',
        value: `${found.row.name} (${found.row.wijk})`,
        expected: String(earlier),
      });
      return;
    }
    seen.set(key, line);
    rows.push(found.row);
  });
  return { rows, problems };
}

function checkHeader(header: readonly string[]): OfferProblem[] {
  const problems: OfferProblem[] = requiredColumns
    .filter((column) => !header.includes(column))
    .map((column) => ({ line: 1, code: 'missingColumn', column }));
  const known = new Set<string>([...requiredColumns, ...optionalColumns]);
  header.forEach((column, index) => {
    if (header.indexOf(column) !== index) {
      problems.push({ line: 1, code: 'duplicateColumn', column });
    }
  });
  for (const column of header) {
    if (known.has(column)) continue;
    const translation = parseTranslationColumn(column);
    if (translation && translation.language !== 'nl' && isLanguageCode(translation.language)) {
      continue;
    }
    problems.push({
      line: 1,
      code: 'unknownColumn',
      column,
      expected: [...known, 'description_<language>', 'when_<language>', '…'].join(', '),
    });
  }
  return problems;
}
