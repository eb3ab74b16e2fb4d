/**
 * Who may put Puente in a frame. Embeds (`/embed/*`) may be framed by the origins of `PUENTE_EMBED_ORIGINS` (space-
 * or comma-separated, e.g. `https://intranet.example.org https://*.example.com`; default: any https origin) and by
 * Puente itself; every other page by nobody, so no other site can dress the dashboard up (clickjacking).
 */
import type { Handle } from '@sveltejs/kit';

/** An origin as CSP writes it: a scheme (`https:`), or scheme://host[:port] with an optional `*.` first label. */
const SOURCE = /^(https?:|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i;

export function embedAncestors(env: NodeJS.ProcessEnv = process.env): string {
  const listed = (env.PUENTE_EMBED_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = listed.filter((origin) => !SOURCE.test(origin));
  if (bad.length > 0) {
    throw new Error(
      `PUENTE_EMBED_ORIGINS holds what is not an origin: ${bad.join(' ')} (write e.g. https://example.org)`,
    );
  }
  return ["'self'", ...(listed.length > 0 ? listed : ['https:'])].join(' ');
}

export function framing(env: NodeJS.ProcessEnv = process.env): Handle {
  const embeds = `frame-ancestors ${embedAncestors(env)}`;
  return async ({ event, resolve }) => {
    const response = await resolve(event);
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
    const ancestors = event.route.id?.startsWith('/embed/') ? embeds : "frame-ancestors 'none'";
    // Added to SvelteKit's policy (svelte.config.js), which cannot vary by route.
    const page = response.headers.get('content-security-policy');
    const policy = page ? `${page.replace(/;\s*$/, '')}; ${ancestors}` : ancestors;
    try {
      response.headers.set('content-security-policy', policy);
      return response;
    } catch {
      // A response whose headers are immutable (one fetched whole) is copied with the header added.
      const copy = new Response(response.body, response);
      copy.headers.set('content-security-policy', policy);
      return copy;
    }
  };
}
