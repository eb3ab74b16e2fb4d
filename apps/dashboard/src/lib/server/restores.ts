/**
 * A restore asked for by an admin, from the versions page or the API: recorded in the audit log whatever its
 * outcome, and answered once readers see it (until then they are shown the version before).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { restore } from '@puente/data/store';
import { audit } from './audit/record';
import { getStore } from './store';
import { viewsReady } from './views';

/** The version the restore made, or null when there is no version `version`. */
export async function restoreVersion(event: RequestEvent, version: number): Promise<number | null> {
  const actor = event.locals.user!.name;
  let restored: number;
  try {
    restored = await restore(getStore(), version, actor);
  } catch (failure) {
    await audit(event, { actor, action: 'restore', ok: false, details: { restoredFrom: version } });
    if (failure instanceof RangeError) return null;
    throw failure;
  }
  await audit(event, {
    actor,
    action: 'restore',
    ok: true,
    details: { restoredFrom: version, version: restored },
  });
  await viewsReady();
  return restored;
}
