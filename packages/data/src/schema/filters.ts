/**
 * Dashboard filters. They live in the URL query (`?city=Hangzhou&status=active&from=2020`), so every view is a link
 * that can be shared or embedded; parsing is forgiving (unknown keys and bad years are dropped) because URLs are typed
 * by hand and pasted from emails.
 */
export interface Filters {
  city: string[];
  country: string[];
  type: string[];
  area: string[];
  status: string[];
  /** First year included (training years; milestone and partnership dates from 1 January). */
  from: number | null;
  /** Last year included. */
  to: number | null;
}

export const LIST_FILTERS = ['city', 'country', 'type', 'area', 'status'] as const;

export const NO_FILTERS: Filters = {
  city: [],
  country: [],
  type: [],
  area: [],
  status: [],
  from: null,
  to: null,
};

function year(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1900 && n <= 2100 ? n : null;
}

/** Values one filter keeps: more than any reader picks, few enough that a query's parameters stay bounded. */
export const MAX_FILTER_VALUES = 50;

export function parseFilters(query: URLSearchParams): Filters {
  const filters: Filters = { ...NO_FILTERS, from: year(query.get('from')), to: year(query.get('to')) };
  for (const key of LIST_FILTERS) {
    // Accept both repeated keys (?city=a&city=b) and comma lists (?city=a,b).
    const values = query.getAll(key).flatMap((v) => v.split(','));
    filters[key] = [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 200))]
      .slice(0, MAX_FILTER_VALUES)
      .sort();
  }
  return filters;
}

export function filtersToQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of LIST_FILTERS) for (const value of filters[key]) query.append(key, value);
  if (filters.from !== null) query.set('from', String(filters.from));
  if (filters.to !== null) query.set('to', String(filters.to));
  return query;
}
