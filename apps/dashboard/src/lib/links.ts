/** The current page in another language: same path and filters, only `lang` changed. */
export function withLanguage(url: URL, lang: string): string {
  const query = new URLSearchParams(url.searchParams);
  query.set('lang', lang);
  return `${url.pathname}?${query}`;
}
