/**
 * Figures as a table: the same header and rows a screen shows under a chart, offers as CSV
 * and reads out to a screen reader. Numbers are in the reader's notation ("3,5") and aligned
 * to the end; a missing figure is a dash.
 */
import type { CsvCell } from '../to-csv.js';
import { Cell, DataTable } from './data-table.js';

export interface TableData {
  header: string[];
  rows: CsvCell[][];
  /** Which columns hold numbers. */
  numeric: (column: number) => boolean;
}

export interface NumbersTableProps {
  id?: string;
  caption?: string;
  table: TableData;
  /** The reader's language, for the notation of numbers. */
  language: string;
}

export function NumbersTable({ id, caption, table, language }: NumbersTableProps) {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const { header, rows, numeric } = table;
  return (
    <DataTable
      id={id}
      caption={caption}
      columns={header.map((label, i) => ({ label, numeric: numeric(i) }))}
    >
      {rows.map((row) => (
        <tr>
          {row.map((cell, i) => (
            <Cell label={header[i]!} numeric={numeric(i)}>
              {typeof cell === 'number' ? number.format(cell) : (cell ?? '–')}
            </Cell>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
