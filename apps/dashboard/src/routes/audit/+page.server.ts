import { listAudit } from '@puente/data/store';
import { beforeParam, historyPage } from '$lib/server/paging';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

/** Entries a page of the audit log shows. */
const PAGE = 50;

export const load: PageServerLoad = async ({ url }) => {
  const before = beforeParam(url);
  const fetched = await listAudit(getStore(), { limit: PAGE + 1, ...(before ? { before } : {}) });
  return historyPage(fetched, PAGE, (entry) => entry.id, before);
};
