import { error, json } from '@sveltejs/kit';
import { restore } from '@puente/data/store';
import { audit } from '$lib/server/audit/record';
import { getStore } from '$lib/server/store';
import { viewsReady } from '$lib/server/views';
import type { RequestHandler } from './$types';

/** `POST /api/versions/{n}/restore` (admins): makes version n current again, as a new version. */
export const POST: RequestHandler = async (event) => {
  const { params, locals } = event;
  const actor = locals.user!.name;
  const version = /^\d{1,9}$/.test(params.n) ? Number(params.n) : NaN;
  if (!Number.isSafeInteger(version)) error(404, 'No such version');
  let restored: number;
  try {
    restored = await restore(getStore(), version, actor);
  } catch (failure) {
    await audit(event, { actor, action: 'restore', ok: false, details: { restoredFrom: version } });
    if (failure instanceof RangeError) error(404, failure.message);
    throw failure;
  }
  await audit(event, {
    actor,
    action: 'restore',
    ok: true,
    details: { restoredFrom: version, version: restored },
  });
  // Answered once readers see it: until then they are shown the version before.
  await viewsReady();
  return json({ version: restored, restoredFrom: version }, { status: 201 });
};
