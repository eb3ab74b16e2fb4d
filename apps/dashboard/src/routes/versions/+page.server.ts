import { error, fail, redirect } from '@sveltejs/kit';
import { compareVersions, listVersions, restore, type Changes } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/** How many versions show what they changed (each is a comparison over every table). */
const COMPARED = 10;

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const versions = await listVersions(store);
  const changes: Record<number, Changes> = {};
  for (const v of versions.slice(0, COMPARED)) {
    changes[v.version] = await compareVersions(store, v.version > 1 ? v.version - 1 : null, v.version);
  }
  // `?confirm=n`: what restoring version n would change, before the admin confirms.
  const asked = url.searchParams.get('confirm');
  let confirm: { version: number; changes: Changes } | null = null;
  if (asked !== null && locals.user?.role === 'admin') {
    const n = Number(asked);
    const current = versions[0]?.version;
    if (!versions.some((v) => v.version === n) || current === undefined) error(404, 'No such version');
    confirm = { version: n, changes: await compareVersions(store, current, n) };
  }
  return { versions, changes, confirm, canRestore: locals.user?.role === 'admin' };
};

export const actions: Actions = {
  restore: async ({ request, locals }) => {
    const form = await request.formData();
    const version = Number(form.get('version'));
    if (!Number.isSafeInteger(version) || version < 1) return fail(400, { restoreFailed: true });
    let restored: number;
    try {
      restored = await restore(getStore(), version, locals.user!.name);
    } catch (failure) {
      if (failure instanceof RangeError) return fail(404, { restoreFailed: true });
      throw failure;
    }
    redirect(303, `/versions?restored=${restored}`);
  },
};
