/**
 * The network page's URL: the shared filters (see `parseFilters`) plus the page's own view — colour
 * (`color=type`), size (`size=trained`), layout (`layout=bridge`), search (`q`) and selected institution (`selected`) — so
 * a view is a link. Defaults are left out, to keep links short.
 */

const DEFAULTS: Record<string, string> = { color: 'city', size: 'partnerships', layout: 'force' };

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
