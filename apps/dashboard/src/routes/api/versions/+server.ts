import { json } from '@sveltejs/kit';
import { listVersions } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** `GET /api/versions`: the history, newest first, as `puente versions --json` prints it. */
export const GET: RequestHandler = async () => json(await listVersions(getStore()));
