import { listAudit } from '@puente/data/store';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/** Entries a page of the audit log shows. */
const PAGE = 50;

export const load: PageServerLoad = async ({ url }) => {
  const from = url.searchParams.get('before');
  const before = from !== null && /^\d{1,15}$/.test(from) ? Number(from) : undefined;
  const entries = await listAudit(getStore(), { limit: PAGE + 1, ...(before ? { before } : {}) });
  return {
    entries: entries.slice(0, PAGE),
    older: entries.length > PAGE ? entries[PAGE - 1]!.id : null,
    newest: before === undefined,
  };
};
