import { error, json } from '@sveltejs/kit';
import { restore } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import { viewsReady } from '$lib/server/views';
import type { RequestHandler } from './$types';

/** `POST /api/versions/{n}/restore` (admins): makes version n current again, as a new version. */
export const POST: RequestHandler = async ({ params, locals }) => {
  const version = /^\d{1,9}$/.test(params.n) ? Number(params.n) : NaN;
  if (!Number.isSafeInteger(version)) error(404, 'No such version');
  try {
    const restored = await restore(getStore(), version, locals.user!.name);
    // Answered once readers see it: until then they are shown the version before.
    await viewsReady();
    return json({ version: restored, restoredFrom: version }, { status: 201 });
  } catch (failure) {
    if (failure instanceof RangeError) error(404, failure.message);
    throw failure;
  }
};
