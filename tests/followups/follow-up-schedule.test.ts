import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  anniversary,
  daysLater,
  defaultWindow,
  followUpDueAt,
  nextAllowedSlot,
} from '../../src/followups/follow-up-schedule.js';

const local = (d: Date) =>
  DateTime.fromJSDate(d, { zone: 'Europe/Amsterdam' }).toFormat('ccc yyyy-LL-dd HH:mm ZZ');
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();

describe(followUpDueAt.name, () => {
  it('is the same calendar date a year later, at the delivery time', () => {
    expect(local(followUpDueAt('2025-06-12'))).toBe('Fri 2026-06-12 10:00 +02:00');
  });

  it('moves 29 February to 28 February', () => {
    expect(anniversary('2024-02-29')).toBe('2025-02-28');
    expect(local(followUpDueAt('2024-02-29'))).toBe('Fri 2025-02-28 10:00 +01:00');
  });

  it('moves a Sunday to Monday morning at the start of the window', () => {
    expect(local(followUpDueAt('2025-03-08'))).toBe('Mon 2026-03-09 09:00 +01:00');
  });

  it('keeps local time across DST: winter and summer dates both at 10:00 local', () => {
    expect(local(followUpDueAt('2025-03-27'))).toBe('Fri 2026-03-27 10:00 +01:00');
    expect(local(followUpDueAt('2025-03-30'))).toBe('Mon 2026-03-30 10:00 +02:00');
    expect(local(followUpDueAt('2025-10-26'))).toBe('Mon 2026-10-26 10:00 +01:00');
  });
});

describe(nextAllowedSlot.name, () => {
  it('keeps a moment inside the window', () => {
    expect(local(nextAllowedSlot(at('2026-05-12T14:30')))).toBe('Tue 2026-05-12 14:30 +02:00');
  });

  it('moves night and evening to the next morning', () => {
    expect(local(nextAllowedSlot(at('2026-05-12T03:00')))).toBe('Tue 2026-05-12 09:00 +02:00');
    expect(local(nextAllowedSlot(at('2026-05-12T20:00')))).toBe('Wed 2026-05-13 09:00 +02:00');
  });

  it('moves Saturday evening past Sunday to Monday', () => {
    expect(local(nextAllowedSlot(at('2026-05-16T21:15')))).toBe('Mon 2026-05-18 09:00 +02:00');
  });

  it('handles the night the clocks go forward', () => {
    expect(local(nextAllowedSlot(new Date('2026-03-29T01:30:00Z')))).toBe(
      'Mon 2026-03-30 09:00 +02:00',
    );
  });

  it('honours a configured window', () => {
    const window = { ...defaultWindow, startHour: 10, endHour: 16, closedWeekdays: [6, 7] };
    expect(local(nextAllowedSlot(at('2026-05-15T16:00'), window))).toBe(
      'Mon 2026-05-18 10:00 +02:00',
    );
  });
});

describe(daysLater.name, () => {
  it('puts reminders 3 and 7 days later inside the window', () => {
    const sent = at('2026-05-14T19:30');
    expect(local(daysLater(sent, 3))).toBe('Mon 2026-05-18 09:00 +02:00');
    expect(local(daysLater(sent, 7))).toBe('Thu 2026-05-21 19:30 +02:00');
  });
});
