import { parseFilters } from '@puente/data';
import { currentVersion, milestones, network, partnerships, today } from '@puente/data/store';
import { isIsoDate } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { institutionLabel } from '$lib/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  // "Today" can be pinned with ?asOf=yyyy-mm-dd (a real date, nothing else), so a view of the past can be shared
  // and tests don't depend on the calendar; anything else is ignored.
  const asOfParam = url.searchParams.get('asOf');
  const pinned = isIsoDate(asOfParam) ? asOfParam : null;
  const asOf = pinned ?? today();
  const [list, miles, graph, version] = await Promise.all([
    partnerships(store, filters, { asOf }),
    milestones(store, filters),
    network(store, filters),
    currentVersion(store),
  ]);
  const names = new Map(graph.nodes.map((n) => [n.id, institutionLabel(n, locals.locale)]));
  return {
    asOf,
    pinned: pinned !== null,
    partnerships: list.map((p) => ({
      ...p,
      sourceName: names.get(p.source) ?? p.sourceName,
      targetName: names.get(p.target) ?? p.targetName,
    })),
    milestones: miles,
    version,
  };
};
