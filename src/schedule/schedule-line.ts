/**
 * One scheduled message as a line of `schedule list` (and the dashboard's list): its date and
 * time in Europe/Amsterdam first, then kind, channel and contact id, so a line sorts, greps
 * and reads as "what Bloei will send and when". Dates of `--from`/`--to` are Amsterdam
 * calendar days; `--to` includes its day.
 */
import { DateTime } from 'luxon';
import { BloeiError } from '../errors/bloei-error.js';

export const scheduleZone = 'Europe/Amsterdam';

export interface ScheduleLineRow {
  dueAt: Date;
  kind: string;
  channel: string;
  contactId: string;
}

export class InvalidScheduleDateError extends BloeiError {
  override readonly name = 'InvalidScheduleDateError';
  readonly code = 'SCHEDULE_DATE_INVALID';
}

export function scheduleLine(row: ScheduleLineRow): string {
  const at = DateTime.fromJSDate(row.dueAt, { zone: scheduleZone }).toFormat('yyyy-MM-dd HH:mm');
  return `${at} ${row.kind} ${row.channel} ${row.contactId}`;
}

/** The first moment of an Amsterdam day (`YYYY-MM-DD`), or of the day after it (`end`). */
export function dayBoundary(date: string, end = false): Date {
  const day = DateTime.fromISO(date, { zone: scheduleZone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new InvalidScheduleDateError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return (end ? day.plus({ days: 1 }) : day).startOf('day').toJSDate();
}
