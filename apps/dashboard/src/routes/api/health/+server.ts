import { json } from '@sveltejs/kit';
import { currentVersion } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
  return json({ ok: true, dataVersion: await currentVersion(getStore()) });
};
