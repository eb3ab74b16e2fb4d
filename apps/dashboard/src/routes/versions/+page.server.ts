import { error, fail, redirect } from '@sveltejs/kit';
import { compareVersions, listVersions, type Changes } from '@puente/data/store';
import { beforeParam, historyPage } from '$lib/server/paging';
import { restoreVersion } from '$lib/server/restores';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/** Versions a page of the history shows. */
const PAGE = 20;

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const current = (await listVersions(store, { limit: 1 }))[0]?.version ?? null;
  const before = beforeParam(url);
  // Each version carries what it changed against the one before, recorded when it was written.
  const fetched = await listVersions(store, { limit: PAGE + 1, ...(before ? { before } : {}) });
  const { entries: versions, older, newest } = historyPage(fetched, PAGE, (v) => v.version, before);
  // `?confirm=n`: what restoring version n would change, before the admin confirms.
  const asked = url.searchParams.get('confirm');
  let confirm: { version: number; changes: Changes } | null = null;
  if (asked !== null && locals.user?.role === 'admin') {
    const n = /^\d{1,9}$/.test(asked) ? Number(asked) : NaN;
    const [found] = Number.isSafeInteger(n) ? await listVersions(store, { before: n + 1, limit: 1 }) : [];
    if (found?.version !== n || current === null) error(404, 'No such version');
    confirm = { version: n, changes: await compareVersions(store, current, n) };
  }
  return {
    versions,
    current,
    older,
    newest,
    confirm,
    canRestore: locals.user?.role === 'admin',
  };
};

export const actions: Actions = {
  restore: async (event) => {
    const form = await event.request.formData();
    const version = Number(form.get('version'));
    if (!Number.isSafeInteger(version) || version < 1) return fail(400, { restoreFailed: true });
    const restored = await restoreVersion(event, version);
    if (restored === null) return fail(404, { restoreFailed: true });
    redirect(303, `/versions?restored=${restored}`);
  },
};
