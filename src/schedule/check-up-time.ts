/**
 * When a check-up a resident asked for goes out: the same clock time is not what they meant
 * by "in two weeks", the calendar date is. So: the date `after` (an ISO 8601 duration) from
 * now in Europe/Amsterdam, at the delivery hour, moved into the allowed window like every
 * message Bloei starts itself. A month from 31 January is 28 (or 29) February; DST is
 * luxon's, so 10:00 stays 10:00 across the change.
 */
import { DateTime, Duration } from 'luxon';
import {
  defaultWindow,
  nextAllowedSlot,
  type DeliveryWindow,
} from '../followups/follow-up-schedule.js';
import { BloeiError } from '../errors/bloei-error.js';

export class InvalidDelayError extends BloeiError {
  override readonly name = 'InvalidDelayError';
  readonly code = 'SCHEDULE_DELAY_INVALID';
}

export function checkUpDueAt(
  now: Date,
  after: string,
  window: DeliveryWindow = defaultWindow,
): Date {
  const delay = Duration.fromISO(after);
  if (!delay.isValid) throw new InvalidDelayError(`not an ISO 8601 duration: ${after}`);
  const day = DateTime.fromJSDate(now, { zone: window.zone }).plus(delay);
  const at = day.set({ hour: window.deliveryHour, minute: 0, second: 0, millisecond: 0 });
  return nextAllowedSlot(at.toJSDate(), window);
}
