import { json } from '@sveltejs/kit';
import { listVersions } from '@puente/data/store';
import { queryCount } from '$lib/server/paging';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Versions an answer lists when the request does not say, and at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * `GET /api/versions[?limit=N][&before=V]`: the history, newest first, as `puente versions --json` prints it; at
 * most `limit` versions (100 unless said, 1000 at most), older than version `before` when given.
 */
export const GET: RequestHandler = async ({ url }) => {
  const limit = queryCount(url.searchParams.get('limit'), DEFAULT_LIMIT, MAX_LIMIT);
  const before = queryCount(url.searchParams.get('before'), undefined, 2 ** 31 - 1);
  return json(await listVersions(getStore(), { limit, ...(before !== undefined ? { before } : {}) }));
};
