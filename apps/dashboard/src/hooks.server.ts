import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
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

/**
 * Unexpected errors (not those thrown with `error()`): logged with an id, and the id given to the error page, so a
 * reader's report can be matched to the log. The reader sees the generic message, never the error itself. A page
 * that does not exist (404) is no fault of the server: it gets no log line and no id.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status === 404) return { message };
  const id = crypto.randomUUID();
  console.error(`[${id}] ${status} ${event.request.method} ${event.url.pathname}`, error);
  return { message, id };
};
