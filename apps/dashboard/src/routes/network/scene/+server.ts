import { json } from '@sveltejs/kit';
import { views } from '$lib/server/views';
import type { RequestHandler } from './$types';

/**
 * GET /network/scene?{filters}&color=&layout=&lang=: the scene of a network too large for SVG — sizes, colours,
 * centrality, packed — with every institution's names for search. The page fetches it and lays it out in the
 * browser. Cached per data version like every view (ETag and compression come from the HTTP layer).
 */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { scene, aliases, version } = await views.networkScene(url, locals.locale);
  return json({ scene, aliases, version });
};
