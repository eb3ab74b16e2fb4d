import { parseFilters } from '@puente/data';
import { error, json } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { institutionDetail } from '$lib/server/views/institution-detail';
import type { RequestHandler } from './$types';

/**
 * GET /network/detail/{id}?{filters}: training and milestones of one institution under the filters,
 * for the side panel of the network page (JSON, see `InstitutionDetail`). Unknown id → 404.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const detail = await institutionDetail(getStore(), params.id, parseFilters(url.searchParams));
  if (!detail) error(404, 'No institution has this id');
  return json(detail);
};
