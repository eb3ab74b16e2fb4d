/**
 * Headers every response carries, whatever answered it: browsers must not guess a type other than the one sent,
 * and other sites learn only this server's origin from a link followed out of it. An SVG export opened on its own
 * is a document: it may not run or fetch anything.
 */
import type { Handle } from '@sveltejs/kit';

const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const set = (headers: Headers) => {
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'strict-origin-when-cross-origin');
    if ((headers.get('content-type') ?? '').startsWith('image/svg+xml')) {
      headers.set('content-security-policy', SVG_POLICY);
    }
  };
  try {
    set(response.headers);
    return response;
  } catch {
    // A response whose headers are immutable (one fetched whole) is copied with the headers added.
    const copy = new Response(response.body, response);
    set(copy.headers);
    return copy;
  }
};
