/**
 * The `auth` handle: refuses cross-site writes, finds who is asking (Bearer token or session cookie), and checks
 * the role the route needs (see access.ts) before any page, form action or API runs.
 */
import { error, json, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { translator, type MessageKey } from '$lib/i18n/translator';
import { accessFor, allowed, viewingIsPublic } from './access';
import { bearerToken, SESSION_COOKIE, userOf } from './session';
import { siteOrigin } from './site';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write that could ride on the session cookie must come from this site, whatever its content type (SvelteKit's
 * own check covers form types only, and refuses scripts, which send no Origin: see svelte.config.js). A foreign
 * Origin is always refused; a missing one only when a session cookie is present. Requests with a Bearer token are
 * exempt: a browser never adds that header on its own, so another site can't borrow it.
 */
function fromThisSite(event: RequestEvent): boolean {
  const { request, url } = event;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === siteOrigin(request, url);
  if (event.cookies.get(SESSION_COOKIE) === undefined) return true;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/** API callers get JSON; pages, page data and form actions get SvelteKit's redirect or error page. */
const isApi = (event: RequestEvent) => event.url.pathname.startsWith('/api/');

function refuse(event: RequestEvent, status: 401 | 403, key: MessageKey): Response {
  const message = translator(event.locals.locale).t(key);
  if (isApi(event)) {
    return json(
      { message },
      { status, headers: status === 401 ? { 'www-authenticate': 'Bearer realm="puente"' } : {} },
    );
  }
  error(status, message);
}

export const auth: Handle = async ({ event, resolve }) => {
  const { request, url } = event;
  const hasToken = bearerToken(request) !== null;
  if (!SAFE_METHODS.has(request.method) && !hasToken && !fromThisSite(event)) {
    return refuse(event, 403, 'access.crossSite');
  }
  const user = await userOf(request, event.cookies);
  event.locals.user = user;
  if (hasToken && user === null) return refuse(event, 401, 'access.badToken');

  const access = accessFor(event.route.id, request.method, url.searchParams);
  if (!allowed(access, user?.role ?? null, viewingIsPublic())) {
    if (user !== null) return refuse(event, 403, 'access.forbidden');
    if (isApi(event) || request.method !== 'GET') return refuse(event, 401, 'access.signIn');
    redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }

  const response = await resolve(event);
  // What a signed-in person sees may name them or offer them more: never kept by a shared cache.
  if (user !== null && !response.headers.get('cache-control')?.startsWith('private')) {
    response.headers.set('cache-control', 'private, no-store');
  }
  return response;
};
