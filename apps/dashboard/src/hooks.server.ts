import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { isLocale, localeFromAcceptLanguage, LANGUAGE_TAGS } from '$lib/i18n/translator';
import { rememberClientAddress } from '$lib/server/audit/record';
import { auth } from '$lib/server/auth/handle';
import { ensureFirstAdmin } from '$lib/server/auth/first-admin';
import { framing } from '$lib/server/embeds/framing';
import { securityHeaders } from '$lib/server/headers';
import { loadEmbedKey } from '$lib/server/embeds/signature';
import { httpCache } from '$lib/server/http-cache';
import { uploadLimit } from '$lib/server/uploads/body';
import { abandoned, requestScope } from '$lib/server/request-scope';
import { openStore } from '$lib/server/store';
import { keepViewsWarm } from '$lib/server/views';

export const init: ServerInit = async () => {
  try {
    // The default views are built in the background: the server answers (health first) while they are.
    const store = await openStore();
    await ensureFirstAdmin(store);
    warnAboutBodyLimit();
    await loadEmbedKey(store);
    keepViewsWarm(store);
  } catch (error) {
    // Fail at start-up, not on the first request: a second server on the same file must stop at once.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
};

/**
 * adapter-node refuses request bodies over its BODY_SIZE_LIMIT (512 kB by default) before Puente sees them; the
 * upload limit is Puente's own (PUENTE_UPLOAD_LIMIT), counted as the body streams, so the adapter's should be off.
 */
function warnAboutBodyLimit() {
  const adapter = process.env.BODY_SIZE_LIMIT;
  if (adapter === undefined || (adapter !== 'Infinity' && Number.parseInt(adapter, 10) < uploadLimit())) {
    console.warn(
      `BODY_SIZE_LIMIT is ${adapter ?? 'unset (512K)'}: uploads larger than that are refused. ` +
        'Start the server with BODY_SIZE_LIMIT=Infinity; PUENTE_UPLOAD_LIMIT sets the upload limit.',
    );
  }
}

const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The reader's language: `?lang=`, else the cookie a switch left, else Accept-Language. A switch is remembered. */
const language: Handle = async ({ event, resolve }) => {
  const fromQuery = event.url.searchParams.get('lang');
  const fromCookie = event.cookies.get('lang');
  const locale = isLocale(fromQuery)
    ? fromQuery
    : isLocale(fromCookie)
      ? fromCookie
      : localeFromAcceptLanguage(event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', LANGUAGE_TAGS[locale]),
  });
  // Set here, on whatever answered (a kept response too): cookies set through `event.cookies` reach only
  // responses that SvelteKit rendered.
  if (isLocale(fromQuery) && fromQuery !== fromCookie) {
    response.headers.append(
      'set-cookie',
      event.cookies.serialize('lang', fromQuery, {
        path: '/',
        maxAge: LANG_COOKIE_MAX_AGE,
        httpOnly: false,
        sameSite: 'lax',
      }),
    );
  }
  return response;
};

export const handle = sequence(
  requestScope,
  rememberClientAddress,
  securityHeaders,
  language,
  framing(),
  auth,
  httpCache,
);

/**
 * Unexpected errors (not those thrown with `error()`): logged with an id, and the id given to the error page, so a
 * reader's report can be matched to the log. The reader sees the generic message, never the error itself.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  // A 404 is no fault of the server, and work stopped because its client went away has no one to tell.
  if (status === 404 || abandoned(event.request)) return { message };
  const id = crypto.randomUUID();
  console.error(`[${id}] ${status} ${event.request.method} ${event.url.pathname}`, error);
  return { message, id };
};
