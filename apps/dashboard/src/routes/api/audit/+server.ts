import { json } from '@sveltejs/kit';
import { listAudit } from '@puente/data/store';
import { queryCount } from '$lib/server/paging';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Entries an answer lists when the request does not say, and at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * `GET /api/audit[?limit=N][&before=ID]` (admins): the audit log, newest first; at most `limit` entries (100 unless
 * said, 1000 at most), older than entry `before` when given.
 */
export const GET: RequestHandler = async ({ url }) => {
  const limit = queryCount(url.searchParams.get('limit'), DEFAULT_LIMIT, MAX_LIMIT);
  const before = queryCount(url.searchParams.get('before'), undefined, Number.MAX_SAFE_INTEGER);
  return json(await listAudit(getStore(), { limit, ...(before !== undefined ? { before } : {}) }));
};
