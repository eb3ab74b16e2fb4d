import { json } from '@sveltejs/kit';
import { views } from '$lib/server/views';
import type { RequestHandler } from './$types';

/**
 * GET /network/upright?{filters}&color=&size=&layout=&lang=: the network page's chart laid out upright, which the
 * page asks for once it knows it is on a phone (`model` null for a graph drawn on canvas). Cached per data version
 * like every view.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { model, version } = await views.networkUpright(url, locals.locale);
  return json({ model, version });
};
