import { parseFilters } from '@puente/data';
import { currentVersion, kpis, network } from '@puente/data/store';
import { networkModel } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { institutionLabel } from '$lib/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  const [figures, graph, version] = await Promise.all([
    kpis(store, filters),
    network(store, filters),
    currentVersion(store),
  ]);
  // The layout is computed here, seeded, so the page shows the network before any JavaScript runs.
  const model = networkModel(
    {
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        label: institutionLabel(n, locals.locale),
        city: n.city,
        country: n.country,
        type: n.type,
        trained: n.trained,
      })),
      links: graph.links,
    },
    { width: 960, height: 560, colorBy: 'city', seed: 1 },
  );
  return { figures, model, version };
};
