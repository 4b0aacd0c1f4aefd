import { describe, expect, it } from 'vitest';
import { checkUpDueAt, InvalidDelayError } from '../../src/schedule/check-up-time.js';

describe(checkUpDueAt.name, () => {
  it('keeps 10:00 in Amsterdam across the change to summer time', () => {
    // Saturday 21 March 2026, CET; two weeks later is Saturday 4 April, CEST.
    expect(checkUpDueAt(new Date('2026-03-21T15:00:00Z'), 'P14D')).toEqual(
      new Date('2026-04-04T08:00:00Z'),
    );
  });

  it('and across the change back to winter time', () => {
    expect(checkUpDueAt(new Date('2026-10-20T12:00:00Z'), 'P7D')).toEqual(
      new Date('2026-10-27T09:00:00Z'),
    );
  });

  it('counts a month from 29 February to 29 March, and from 31 January to 29 February', () => {
    expect(checkUpDueAt(new Date('2028-02-29T12:00:00Z'), 'P1M')).toEqual(
      new Date('2028-03-29T08:00:00Z'),
    );
    expect(checkUpDueAt(new Date('2028-01-31T12:00:00Z'), 'P1M')).toEqual(
      new Date('2028-02-29T09:00:00Z'),
    );
  });

  it('moves a Sunday to Monday, when sending may start', () => {
    // Sunday 1 March 2026 + 14 days is Sunday 15 March.
    expect(checkUpDueAt(new Date('2026-03-01T12:00:00Z'), 'P14D')).toEqual(
      new Date('2026-03-16T08:00:00Z'),
    );
  });

  it('refuses what is not a duration', () => {
    expect(() => checkUpDueAt(new Date(), 'two weeks')).toThrow(InvalidDelayError);
  });
});
