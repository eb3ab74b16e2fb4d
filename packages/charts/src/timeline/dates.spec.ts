import { describe, expect, it } from 'vitest';
import { addDays, dateTime, daysBetween, isIsoDate } from './dates.js';

describe('isIsoDate(value)', () => {
  it('accepts real yyyy-mm-dd dates only', () => {
    for (const ok of ['2023-03-22', '2024-02-29', '1999-12-31']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '2023-02-29',
      '2023-13-01',
      '2023-3-22',
      '22/03/2023',
      '2023-03-22T00:00',
      ' 2023-03-22',
      '',
      null,
      20230322,
    ])
      expect(isIsoDate(bad), String(bad)).toBe(false);
  });
});

describe('addDays(iso, days) and daysBetween(a, b)', () => {
  it('count calendar days in UTC, across months, leap days and years', () => {
    expect(addDays('2026-11-25', 90)).toBe('2027-02-23');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2026-11-25', '2027-03-17')).toBe(112);
    expect(daysBetween('2027-03-17', '2026-11-25')).toBe(-112);
  });

  it('refuses what is not a date', () => {
    expect(() => dateTime('2023-02-30')).toThrow(RangeError);
  });
});
