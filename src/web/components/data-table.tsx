/**
 * A table that reads well on a phone: below 40rem each row becomes a block and each cell
 * shows its column's name (from `data-label`, see bloei-css.ts).
 */
import type { Child } from 'hono/jsx';

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface DataTableProps {
  id?: string;
  caption?: string;
  columns: readonly Column[];
  /** The rows: `<tr>` with a `Cell` per column. */
  children?: Child;
}

export function DataTable({ id, caption, columns, children }: DataTableProps) {
  return (
    <table class="responsive" id={id}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th class={c.numeric ? 'num' : undefined}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface CellProps {
  /** The column's name, shown before the value on a phone; none for a column of buttons. */
  label?: string;
  numeric?: boolean;
  urgent?: boolean;
  children?: Child;
}

export function Cell({ label, numeric, urgent, children }: CellProps) {
  const classes = [numeric && 'num', urgent && 'urgent'].filter(Boolean).join(' ');
  return (
    <td data-label={label} class={classes || undefined}>
      {children}
    </td>
  );
}
