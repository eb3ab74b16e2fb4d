import { filtersToQuery, parseFilters } from '@puente/data/filters';

/** The current page in another language: same path and filters, only `lang` changed. */
export function withLanguage(url: URL, lang: string): string {
  const query = new URLSearchParams(url.searchParams);
  query.set('lang', lang);
  return `${url.pathname}?${query}`;
}

/** `?a=1&b=2` from key–value pairs. */
export function queryOf(entries: Iterable<[string, string]>): string {
  return `?${new URLSearchParams([...entries])}`;
}

/** The query a GET form would submit, without its empty fields (an empty select means "all"). */
export function formQuery(data: FormData): string {
  return queryOf(
    [...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/** The query string of this page with only `keep` kept (e.g. language and a view option, without the filters). */
export function keepOnly(search: URLSearchParams, keep: readonly string[]): string {
  const query = new URLSearchParams();
  for (const key of keep) {
    const value = search.get(key);
    if (value) query.set(key, value);
  }
  return `?${query}`;
}

/** Whether this query filters the data (any of city, country, type, area, status, from, to). */
export function isFiltered(search: URLSearchParams): boolean {
  return filtersToQuery(parseFilters(search)).toString() !== '';
}
