import { error, json } from '@sveltejs/kit';
import { restoreVersion } from '$lib/server/restores';
import type { RequestHandler } from './$types';

/** `POST /api/versions/{n}/restore` (admins): makes version n current again, as a new version. */
export const POST: RequestHandler = async (event) => {
  const version = /^\d{1,9}$/.test(event.params.n) ? Number(event.params.n) : NaN;
  const restored = Number.isSafeInteger(version) ? await restoreVersion(event, version) : null;
  if (restored === null) error(404, 'No such version');
  return json({ version: restored, restoredFrom: version }, { status: 201 });
};
