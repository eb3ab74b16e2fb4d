/**
 * Calendar dates as ISO `yyyy-mm-dd` strings, computed in UTC so a day is a day on every machine
 * whatever its time zone (a local-time Date would shift dates across midnight).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `yyyy-mm-dd` (so `2023-02-30` and `2023-2-3` are not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Milliseconds since the epoch of a `yyyy-mm-dd` date at 00:00 UTC. Throws on anything else. */
export function dateTime(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not a yyyy-mm-dd date: ${iso}`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** `yyyy-mm-dd` of a UTC time. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date `days` days after `iso` (before it for a negative number). */
export function addDays(iso: string, days: number): string {
  return isoDate(dateTime(iso) + days * 86_400_000);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateTime(b) - dateTime(a)) / 86_400_000);
}
