/**
 * The network page's URL: the shared filters (see `parseFilters`) plus the page's own view — colour
 * (`color=type`), layout (`layout=bridge`), search (`q`) and selected institution (`selected`) — so
 * a view is a link. Defaults are left out, to keep links short.
 */

/** Query keys of the page's own view. */
export const VIEW_KEYS = ['color', 'layout', 'q', 'selected'] as const;

const DEFAULTS: Record<string, string> = { color: 'city', layout: 'force' };

/**
 * The query of a filter change, with the current view carried over: keys of the view that `next`
 * doesn't set are copied from `current`.
 */
export function carryView(next: URLSearchParams, current: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams(next);
  for (const key of VIEW_KEYS) {
    const value = current.get(key);
    if (!query.has(key) && value) query.set(key, value);
  }
  return query;
}

/** The query with some keys set, or removed when the value is null, empty or the default. */
export function withChanges(
  current: URLSearchParams,
  changes: Readonly<Record<string, string | null>>,
): URLSearchParams {
  const query = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '' || DEFAULTS[key] === value) query.delete(key);
    else query.set(key, value);
  }
  return query;
}
