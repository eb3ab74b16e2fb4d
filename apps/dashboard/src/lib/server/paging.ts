import { error } from '@sveltejs/kit';

/**
 * A whole number from a query parameter of a paged API (`limit`, `before`): the fallback when absent, 400 when it
 * is not a whole number from 1 to `max`.
 */
export function queryCount(
  value: string | null,
  fallback: number | undefined,
  max: number,
): number | undefined {
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    error(400, `Expected a whole number from 1 to ${max}, got ${value.slice(0, 20)}`);
  }
  return Number(value);
}
