import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone } from '../../../src/flows/answers/parse-phone.js';

describe(parsePhone.name, () => {
  it.each([
    ['0612345678', '+31612345678'],
    ['06 12345678', '+31612345678'],
    ['06-12 34 56 78', '+31612345678'],
    ['06.1234.5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['+31612345678', '+31612345678'],
    ['0031 6 1234 5678', '+31612345678'],
    ['+31 (0)6 12345678', '+31612345678'],
    ['040-2123456', '+31402123456'],
    ['(040) 212 34 56', '+31402123456'],
    ['040 212 3456', '+31402123456'],
    ['+31 40 212 3456', '+31402123456'],
    ['0031402123456', '+31402123456'],
    ['020 123 4567', '+31201234567'],
    ['0499 123456', '+31499123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+90 532 123 45 67', '+905321234567'],
    ['0048 512 345 678', '+48512345678'],
    ['+380 67 123 45 67', '+380671234567'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['mijn nummer is 06 12345678', '+31612345678'],
    ['bel maar: 040-2123456.', '+31402123456'],
    ['٠٦١٢٣٤٥٦٧٨', '+31612345678'],
    ['\u200f+31 6 12345678\u200f', '+31612345678'],
  ])('understands %s as %s', (typed, e164) => {
    expect(parsePhone(typed)).toBe(e164);
  });

  it.each([
    ['nothing like a number', 'geen idee'],
    ['too short', '12345'],
    ['a number without its trunk or country prefix', '612345678'],
    ['a Dutch number one digit short', '061234567'],
    ['a Dutch number one digit long', '06123456789'],
    ['+31 with too few digits', '+31 6 1234567'],
    ['+31 with too many digits', '+31 6 123456789'],
    ['a free service number', '0800-0113'],
    ['a premium number', '0900 1234567'],
    ['a country code starting with 0', '+0 123 456 789'],
    ['more than fifteen digits', '+12 3456 7890 1234 56'],
    ['two numbers', '06 12345678 of 040 2123456'],
    ['letters inside the number', '06 1234 abcd'],
    ['an empty message', ''],
    ['a date', '12-03'],
  ])('refuses %s', (_why, typed) => {
    expect(parsePhone(typed)).toBeNull();
  });
});

describe(formatPhone.name, () => {
  it('writes Dutch numbers as people read them, others as kept', () => {
    expect(formatPhone('+31612345678')).toBe('+31 6 12345678');
    expect(formatPhone('+31402123456')).toBe('+31 40 2123456');
    expect(formatPhone('+31499123456')).toBe('+31 499 123456');
    expect(formatPhone('+32470123456')).toBe('+32470123456');
  });
});
