/**
 * A resident's preferred time ("only evenings") as a delivery window: the part of the day
 * they chose, inside the global allowed hours and days. Every message Bloei starts itself is
 * placed with `nextAllowedSlot` in this window, so time zones, DST and closed days stay in
 * one place (followups/follow-up-schedule.ts).
 */
import { DateTime } from 'luxon';
import {
  defaultWindow,
  nextAllowedSlot,
  type DeliveryWindow,
} from '../followups/follow-up-schedule.js';

/** The parts of the day a resident can choose, as hours [from, to) in Europe/Amsterdam. */
export const preferredTimes = {
  morning: [9, 12],
  afternoon: [12, 17],
  evening: [17, 21],
} as const satisfies Record<string, readonly [number, number]>;

export type PreferredTime = keyof typeof preferredTimes;

export function isPreferredTime(value: unknown): value is PreferredTime {
  return typeof value === 'string' && Object.hasOwn(preferredTimes, value);
}

/**
 * The window a contact may be messaged in: the global one narrowed to their preferred part
 * of the day. When the two do not overlap (global hours changed), the global one stands:
 * the allowed hours are a rule, the preference a wish.
 */
export function contactWindow(
  preferred: string | null | undefined,
  global: DeliveryWindow = defaultWindow,
): DeliveryWindow {
  if (!isPreferredTime(preferred)) return global;
  const [from, to] = preferredTimes[preferred];
  const startHour = Math.max(from, global.startHour);
  const endHour = Math.min(to, global.endHour);
  if (startHour >= endHour) return global;
  const deliveryHour = Math.min(Math.max(global.deliveryHour, startHour), endHour - 1);
  return { ...global, startHour, endHour, deliveryHour };
}

/** The first moment at or after `at` inside the contact's window. */
export function placeForContact(
  at: Date,
  preferred: string | null | undefined,
  global: DeliveryWindow = defaultWindow,
): Date {
  return nextAllowedSlot(at, contactWindow(preferred, global));
}

/** Whether `at` lies inside the contact's window (a message due may go out now). */
export function insideContactWindow(
  at: Date,
  preferred: string | null | undefined,
  global: DeliveryWindow = defaultWindow,
): boolean {
  return placeForContact(at, preferred, global).getTime() === at.getTime();
}

/**
 * Where a message already planned for `at` goes when the resident chose another part of the
 * day: the same calendar day in their new window when it still has room, otherwise the next.
 */
export function replaceForContact(
  at: Date,
  preferred: string | null | undefined,
  global: DeliveryWindow = defaultWindow,
): Date {
  const window = contactWindow(preferred, global);
  const day = DateTime.fromJSDate(at, { zone: window.zone });
  const sameDay = day.set({ hour: window.deliveryHour, minute: 0, second: 0, millisecond: 0 });
  return nextAllowedSlot(sameDay.toJSDate(), window);
}
