import { parseFilters } from '@puente/data';
import { currentVersion, network, trainingByYear } from '@puente/data/store';
import { categoryColors } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { institutionLabel } from '$lib/labels';
import {
  cityYears,
  completionByYear,
  institutionRecords,
  institutionYears,
  parseStackBy,
  topicRecords,
  totals,
} from './shape';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  const by = parseStackBy(url.searchParams.get('by'));
  // Training depends on the institutions in view (city, country, type) and the years, never on partnership
  // filters: the institutions' names and cities come from the network without them, so every one is there.
  const [perInstitution, perTopic, graph, version] = await Promise.all([
    trainingByYear(store, filters, 'institution'),
    by === 'topic' ? trainingByYear(store, filters, 'topic') : Promise.resolve([]),
    network(store, { ...filters, area: [], status: [] }),
    currentVersion(store),
  ]);
  const institutions = new Map(
    graph.nodes.map((n) => [n.id, { label: institutionLabel(n, locals.locale), city: n.city }]),
  );
  // Cities keep the colours the network gives them (palette by number of institutions, sorted names).
  const cityCounts = new Map<string, number>();
  for (const n of graph.nodes) cityCounts.set(n.city, (cityCounts.get(n.city) ?? 0) + 1);
  const palette = categoryColors(cityCounts);
  // The page gets what its charts draw, summed here: a large programme has tens of thousands of institution rows.
  const rows = institutionYears(perInstitution, institutions);
  return {
    by,
    from: filters.from,
    to: filters.to,
    stack: by === 'institution' ? institutionRecords(rows) : topicRecords(perTopic),
    completion: completionByYear(rows),
    cities: cityYears(rows),
    totals: totals(rows),
    cityColors: Object.fromEntries([...cityCounts.keys()].map((city) => [city, palette.colorOf(city)])),
    version,
  };
};
