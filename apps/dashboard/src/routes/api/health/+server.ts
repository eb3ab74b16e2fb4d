import { json } from '@sveltejs/kit';
import { dataVersion } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Liveness and the data version. Answers from memory: it must stay quick whatever else the server is doing. */
export const GET: RequestHandler = async () => json({ ok: true, dataVersion: await dataVersion() });
