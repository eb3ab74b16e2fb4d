import { error, fail, redirect } from '@sveltejs/kit';
import { compareVersions, listVersions, restore, type Changes } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  // Each version carries what it changed against the one before, recorded when it was written.
  const versions = await listVersions(store);
  // `?confirm=n`: what restoring version n would change, before the admin confirms.
  const asked = url.searchParams.get('confirm');
  let confirm: { version: number; changes: Changes } | null = null;
  if (asked !== null && locals.user?.role === 'admin') {
    const n = Number(asked);
    const current = versions[0]?.version;
    if (!versions.some((v) => v.version === n) || current === undefined) error(404, 'No such version');
    confirm = { version: n, changes: await compareVersions(store, current, n) };
  }
  return { versions, confirm, canRestore: locals.user?.role === 'admin' };
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
