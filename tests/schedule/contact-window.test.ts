import { describe, expect, it } from 'vitest';
import { defaultWindow } from '../../src/followups/follow-up-schedule.js';
import { checkUpDueAt } from '../../src/schedule/check-up-time.js';
import {
  contactWindow,
  insideContactWindow,
  placeForContact,
  replaceForContact,
} from '../../src/schedule/contact-window.js';

/** The global window with no closed day, so the DST Sundays themselves can be sent on. */
const everyDay = { ...defaultWindow, closedWeekdays: [] };
const utc = (iso: string) => new Date(iso);

describe(contactWindow.name, () => {
  it('narrows the global hours to the part of the day the resident chose', () => {
    expect(contactWindow('morning')).toMatchObject({ startHour: 9, endHour: 12, deliveryHour: 10 });
    expect(contactWindow('afternoon')).toMatchObject({
      startHour: 12,
      endHour: 17,
      deliveryHour: 12,
    });
    // Evening ends where the allowed hours end (20:00), not at 21:00.
    expect(contactWindow('evening')).toMatchObject({
      startHour: 17,
      endHour: 20,
      deliveryHour: 17,
    });
  });

  it('keeps the global window for no wish, an unknown wish, or one outside the allowed hours', () => {
    expect(contactWindow(null)).toEqual(defaultWindow);
    expect(contactWindow('any')).toEqual(defaultWindow);
    expect(contactWindow('night')).toEqual(defaultWindow);
    const daytime = { ...defaultWindow, startHour: 9, endHour: 16 };
    expect(contactWindow('evening', daytime)).toEqual(daytime);
  });
});

describe(placeForContact.name, () => {
  it('moves a morning check-up of an evening person to 17:00 the same day', () => {
    // Monday 16 March 2026, 10:00 CET.
    expect(placeForContact(utc('2026-03-16T09:00:00Z'), 'evening')).toEqual(
      utc('2026-03-16T16:00:00Z'),
    );
    expect(placeForContact(utc('2026-03-16T09:00:00Z'), null)).toEqual(utc('2026-03-16T09:00:00Z'));
  });

  it('finds the evening of the day summer time starts (last Sunday of March)', () => {
    // Saturday 28 March 2026, 21:00 CET: too late; Sunday 29 March 17:00 is CEST (UTC+2).
    expect(placeForContact(utc('2026-03-28T20:00:00Z'), 'evening', everyDay)).toEqual(
      utc('2026-03-29T15:00:00Z'),
    );
    // 03:30 CEST, just after the hour that does not exist: the morning starts at 09:00 CEST.
    expect(placeForContact(utc('2026-03-29T01:30:00Z'), 'morning', everyDay)).toEqual(
      utc('2026-03-29T07:00:00Z'),
    );
    // With Sundays closed (the default) it is Monday 30 March, still 17:00 CEST.
    expect(placeForContact(utc('2026-03-28T20:00:00Z'), 'evening')).toEqual(
      utc('2026-03-30T15:00:00Z'),
    );
  });

  it('finds the evening of the day winter time starts (last Sunday of October)', () => {
    // Saturday 24 October 2026, 21:30 CEST; Sunday 25 October 17:00 is CET (UTC+1).
    expect(placeForContact(utc('2026-10-24T19:30:00Z'), 'evening', everyDay)).toEqual(
      utc('2026-10-25T16:00:00Z'),
    );
    // 02:30 happens twice that night; either way the afternoon starts at 12:00 CET.
    expect(placeForContact(utc('2026-10-25T00:30:00Z'), 'afternoon', everyDay)).toEqual(
      utc('2026-10-25T11:00:00Z'),
    );
    expect(placeForContact(utc('2026-10-25T01:30:00Z'), 'afternoon', everyDay)).toEqual(
      utc('2026-10-25T11:00:00Z'),
    );
  });

  it('places a one-year check-up from 29 February on 28 February, in the evening', () => {
    // 29 February 2028 + 1 year = Wednesday 28 February 2029, 17:00 CET.
    const due = checkUpDueAt(utc('2028-02-29T12:00:00Z'), 'P1Y');
    expect(placeForContact(due, 'evening')).toEqual(utc('2029-02-28T16:00:00Z'));
  });

  it('places a one-month check-up from 31 January at the month end, or the Monday after', () => {
    // 31 January 2028 + 1 month = Tuesday 29 February 2028 (a leap year).
    expect(placeForContact(checkUpDueAt(utc('2028-01-31T12:00:00Z'), 'P1M'), 'afternoon')).toEqual(
      utc('2028-02-29T11:00:00Z'),
    );
    // 31 January 2027 + 1 month = Sunday 28 February 2027: Monday 1 March, 12:00 CET.
    expect(placeForContact(checkUpDueAt(utc('2027-01-31T12:00:00Z'), 'P1M'), 'afternoon')).toEqual(
      utc('2027-03-01T11:00:00Z'),
    );
  });
});

describe(insideContactWindow.name, () => {
  it('says whether a message due now may go out now', () => {
    expect(insideContactWindow(utc('2026-03-16T16:30:00Z'), 'evening')).toBe(true);
    expect(insideContactWindow(utc('2026-03-16T09:00:00Z'), 'evening')).toBe(false);
    expect(insideContactWindow(utc('2026-03-16T09:00:00Z'), null)).toBe(true);
    // 20:00 in Amsterdam is past the allowed hours, whatever the wish.
    expect(insideContactWindow(utc('2026-03-16T19:00:00Z'), 'evening')).toBe(false);
  });
});

describe(replaceForContact.name, () => {
  it('moves a planned message to the same day in the new window while it has room', () => {
    const evening = utc('2026-03-16T16:00:00Z');
    expect(replaceForContact(evening, 'morning')).toEqual(utc('2026-03-16T09:00:00Z'));
    expect(replaceForContact(evening, null)).toEqual(utc('2026-03-16T09:00:00Z'));
    // On the October change day, in a window open on Sundays: 17:00 CET.
    expect(replaceForContact(utc('2026-10-25T08:00:00Z'), 'evening', everyDay)).toEqual(
      utc('2026-10-25T16:00:00Z'),
    );
  });
});
