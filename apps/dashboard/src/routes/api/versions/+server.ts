import { error, json } from '@sveltejs/kit';
import { listVersions } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Versions an answer lists when the request does not say, and at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function count(value: string | null, fallback: number | undefined, max: number): number | undefined {
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    error(400, `Expected a whole number from 1 to ${max}, got ${value.slice(0, 20)}`);
  }
  return Number(value);
}

/**
 * `GET /api/versions[?limit=N][&before=V]`: the history, newest first, as `puente versions --json` prints it; at
 * most `limit` versions (100 unless said, 1000 at most), older than version `before` when given.
 */
export const GET: RequestHandler = async ({ url }) => {
  const limit = count(url.searchParams.get('limit'), DEFAULT_LIMIT, MAX_LIMIT);
  const before = count(url.searchParams.get('before'), undefined, 2 ** 31 - 1);
  return json(await listVersions(getStore(), { limit, ...(before !== undefined ? { before } : {}) }));
};
