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

/**
 * One page of a history read newest first, from a query asking for `size + 1` entries: the page, and the key of
 * its last entry when there are older ones (the next page's `?before=`). `before` is the page's own `?before=`,
 * ignored unless a whole number.
 */
export function historyPage<T>(
  fetched: T[],
  size: number,
  key: (entry: T) => number,
  before: number | undefined,
): { entries: T[]; older: number | null; newest: boolean } {
  return {
    entries: fetched.slice(0, size),
    older: fetched.length > size ? key(fetched[size - 1]!) : null,
    newest: before === undefined,
  };
}

/** A history page's `?before=`, or undefined when absent or not a whole number. */
export function beforeParam(url: URL): number | undefined {
  const from = url.searchParams.get('before');
  return from !== null && /^\d{1,9}$/.test(from) ? Number(from) : undefined;
}
