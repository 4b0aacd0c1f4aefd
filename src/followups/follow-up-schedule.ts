/**
 * When a follow-up may go out. Due on the same calendar date one year after the training
 * ended (29 February → 28 February), at the delivery time, in Europe/Amsterdam; only inside
 * the allowed hours and never on a day that is not allowed (Sunday by default). Anything
 * outside moves to the next allowed slot. Time zones and DST are luxon's, not ours.
 */
import { DateTime } from 'luxon';

export interface DeliveryWindow {
  zone: string;
  /** Hour of day (0–23) a follow-up is meant to go out. */
  deliveryHour: number;
  /** Allowed hours: from `startHour`:00 up to (not including) `endHour`:00. */
  startHour: number;
  endHour: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which nothing is sent. */
  closedWeekdays: readonly number[];
}

export const defaultWindow: DeliveryWindow = {
  zone: 'Europe/Amsterdam',
  deliveryHour: 10,
  startHour: 9,
  endHour: 20,
  closedWeekdays: [7],
};

/** `YYYY-MM-DD` one year later; 29 February becomes 28 February. */
export function anniversary(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) throw new RangeError(`not a date: ${date}`);
  return day.plus({ years: 1 }).toISODate()!;
}

/** The first moment at or after `instant` that lies inside the allowed window. */
export function nextAllowedSlot(instant: Date, window: DeliveryWindow = defaultWindow): Date {
  let t = DateTime.fromJSDate(instant, { zone: window.zone });
  for (let i = 0; i < 14; i++) {
    const closed = window.closedWeekdays.includes(t.weekday);
    if (!closed && t.hour >= window.startHour && t.hour < window.endHour) return t.toJSDate();
    if (!closed && t.hour < window.startHour) {
      return t.set({ hour: window.startHour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    }
    t = t.plus({ days: 1 }).set({ hour: window.startHour, minute: 0, second: 0, millisecond: 0 });
    if (!window.closedWeekdays.includes(t.weekday)) return t.toJSDate();
  }
  throw new RangeError('the delivery window allows no day at all');
}

/** When the follow-up of a training that ended on `endDate` (`YYYY-MM-DD`) is due. */
export function followUpDueAt(endDate: string, window: DeliveryWindow = defaultWindow): Date {
  const day = DateTime.fromISO(anniversary(endDate), { zone: window.zone });
  return nextAllowedSlot(day.set({ hour: window.deliveryHour }).toJSDate(), window);
}

/** A moment `days` after `from`, moved into the window (reminders). */
export function daysLater(from: Date, days: number, window: DeliveryWindow = defaultWindow): Date {
  const t = DateTime.fromJSDate(from, { zone: window.zone }).plus({ days });
  return nextAllowedSlot(t.toJSDate(), window);
}
