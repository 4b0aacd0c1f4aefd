/**
 * Which records an export may hold: the days from `from` to `to` (both included, in
 * Eindhoven's time; by default the last twelve months up to today) and a wijk. A coordinator
 * exports every wijk or the one she names; a verbinder only her own wijk, whether she names it
 * or not. Naming another wijk is refused, never quietly narrowed: she must not believe she
 * has another wijk's records.
 */
import { DateTime } from 'luxon';
import { Type } from 'typebox';
import type { StaffMember } from '../../../staff/staff-auth.js';
import type { ExportFilter } from '../../../store/finders/export-finder.js';
import { line, query } from '../../request-schema.js';
import { registrationZone } from './registration.js';

const day = Type.String({ maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const exportQuery = query({
  from: Type.Optional(day),
  to: Type.Optional(day),
  wijk: Type.Optional(line(64)),
});

/** The filter as applied, as the page shows it and the log keeps it. */
export interface AppliedFilter {
  /** `YYYY-MM-DD` */
  from: string;
  to: string;
  /** Null: every wijk. */
  wijk: string | null;
}

export type ExportFilterReading =
  | { ok: true; applied: AppliedFilter; filter: ExportFilter }
  | { ok: false; status: 400 | 403; key: 'badRequest' | 'forbidden' };

export function readExportFilter(
  query: { from?: string | undefined; to?: string | undefined; wijk?: string | undefined },
  staff: StaffMember,
  wijken: ReadonlyMap<string, string>,
  now: Date,
): ExportFilterReading {
  const today = DateTime.fromJSDate(now, { zone: registrationZone }).startOf('day');
  const parse = (text: string | undefined, fallback: DateTime) =>
    text ? DateTime.fromISO(text, { zone: registrationZone }) : fallback;
  let from = parse(query.from, today.minus({ months: 11 }).startOf('month'));
  let to = parse(query.to, today);
  if (!from.isValid || !to.isValid) return { ok: false, status: 400, key: 'badRequest' };
  if (from > to) [from, to] = [to, from];

  const asked = query.wijk || null;
  if (asked !== null && !wijken.has(asked)) return { ok: false, status: 400, key: 'badRequest' };
  let wijk = asked;
  if (staff.role !== 'coordinator') {
    if (!staff.wijkId || (asked !== null && asked !== staff.wijkId)) {
      return { ok: false, status: 403, key: 'forbidden' };
    }
    wijk = staff.wijkId;
  }
  return {
    ok: true,
    applied: { from: from.toISODate()!, to: to.toISODate()!, wijk },
    filter: {
      period: { gte: from.toJSDate(), lt: to.plus({ days: 1 }).toJSDate() },
      wijk,
    },
  };
}
