import { error, json } from '@sveltejs/kit';
import { restore } from '@puente/data/store';
import { audit } from '$lib/server/audit/record';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** `POST /api/versions/{n}/restore` (admins): makes version n current again, as a new version. */
export const POST: RequestHandler = async (event) => {
  const { params, locals } = event;
  const actor = locals.user!.name;
  const version = /^\d{1,9}$/.test(params.n) ? Number(params.n) : NaN;
  if (!Number.isSafeInteger(version)) error(404, 'No such version');
  try {
    const restored = await restore(getStore(), version, actor);
    await audit(event, {
      actor,
      action: 'restore',
      ok: true,
      details: { restoredFrom: version, version: restored },
    });
    return json({ version: restored, restoredFrom: version }, { status: 201 });
  } catch (failure) {
    await audit(event, { actor, action: 'restore', ok: false, details: { restoredFrom: version } });
    if (failure instanceof RangeError) error(404, failure.message);
    throw failure;
  }
};
