/**
 * Rows as a CSV document for spreadsheets (csv-stringify): UTF-8 with a byte-order mark, so
 * Excel reads "ë" and "ğ" as they are; comma-separated with CRLF line ends (RFC 4180); every
 * text cell that a spreadsheet would run as a formula (=, +, -, @, tab or CR first, and their
 * full-width forms) gets a leading apostrophe, as OWASP advises. Numbers stay numbers, also
 * negative ones.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
