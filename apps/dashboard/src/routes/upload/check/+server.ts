import { json } from '@sveltejs/kit';
import { runUpload } from '$lib/server/uploads/run';
import type { RequestHandler } from './$types';

/**
 * `POST /upload/check`: the upload page's preview — the files validated exactly as an upload would be, and what
 * loading them would change; nothing is written. 200 when they would load, else as `POST /api/uploads`.
 */
export const POST: RequestHandler = async (event) => {
  const outcome = await runUpload(event, { dryRun: true });
  return json(outcome.body, { status: outcome.status });
};
