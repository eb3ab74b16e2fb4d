import type { Handle, ServerInit } from '@sveltejs/kit';
import { isLocale, localeFromAcceptLanguage, LANGUAGE_TAGS } from '$lib/i18n/translator';
import { openStore } from '$lib/server/store';

export const init: ServerInit = async () => {
  try {
    await openStore();
  } catch (error) {
    // Fail at start-up, not on the first request: a second server on the same file must stop at once.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
};

export const handle: Handle = async ({ event, resolve }) => {
  const fromQuery = event.url.searchParams.get('lang');
  const fromCookie = event.cookies.get('lang');
  const locale = isLocale(fromQuery)
    ? fromQuery
    : isLocale(fromCookie)
      ? fromCookie
      : localeFromAcceptLanguage(event.request.headers.get('accept-language'));
  if (isLocale(fromQuery) && fromQuery !== fromCookie) {
    event.cookies.set('lang', fromQuery, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: false,
      sameSite: 'lax',
    });
  }
  event.locals.locale = locale;
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', LANGUAGE_TAGS[locale]),
  });
};
