import { parseFilters, LIST_FILTERS } from '@puente/data';
import { network } from '@puente/data/store';
import { networkModel, networkScene, packScene, type NetworkData, type NetworkOptions } from '@puente/charts';
import { getStore } from '$lib/server/store';
import { institutionLabel } from '$lib/labels';
import { institutionDetail } from './institution-detail.server';
import type { PageServerLoad } from './$types';

/** Past this many institutions the network is drawn on canvas, laid out in the browser (a Web Worker). */
const CANVAS_FROM = 1500;

/**
 * The viewBox. The SVG scales with its column (about 920 px wide next to the side panel on a laptop,
 * 680 px on a 768 px tablet), so labels are set at 15 to read at 10–11 px on the tablet.
 */
const CHART: Pick<NetworkOptions, 'width' | 'height' | 'labelSize'> = {
  width: 960,
  height: 600,
  labelSize: 15,
};

export const load: PageServerLoad = async ({ url, locals, untrack }) => {
  const store = getStore();
  const filters = parseFilters(url.searchParams);
  const colorBy = url.searchParams.get('color') === 'type' ? 'type' : 'city';
  const layout = url.searchParams.get('layout') === 'bridge' ? 'bridge' : 'force';
  // Search and selection change in the browser without a new load (shallow routing): read untracked.
  const selected = untrack(() => url.searchParams.get('selected'));
  const query = untrack(() => url.searchParams.get('q') ?? '');

  const graph = await network(store, filters);
  const data: NetworkData = {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      label: institutionLabel(n, locals.locale),
      city: n.city,
      country: n.country,
      type: n.type,
      trained: n.trained,
      matched: n.matched,
    })),
    links: graph.links.map((l) => ({
      id: l.id,
      source: l.source,
      target: l.target,
      status: l.status,
      area: l.area,
      milestones: l.milestones,
      milestonesDone: l.milestonesDone,
    })),
  };
  const options: NetworkOptions = { ...CHART, colorBy, layout, seed: 1 };
  // Small and medium graphs: laid out here, seeded, and sent as SVG before any JavaScript runs.
  // Large ones: only the scene (sizes, colours, centrality), packed — the browser lays it out and draws it.
  const canvas = data.nodes.length > CANVAS_FROM;
  const model = canvas ? null : networkModel(data, options);
  const scene = canvas ? packScene(networkScene(data, options)) : null;

  // The other names of each institution, so the search finds it in any language.
  const aliases: Record<string, string[]> = {};
  graph.nodes.forEach((n, i) => {
    const label = data.nodes[i]!.label;
    const others = [...new Set([n.name, n.name_en, n.name_es, n.name_zh])].filter(
      (name): name is string => !!name && name !== label,
    );
    if (others.length > 0) aliases[n.id] = others;
  });

  const known = selected !== null && graph.nodes.some((n) => n.id === selected);
  const detail = known ? await institutionDetail(store, selected, filters) : null;

  return {
    colorBy,
    layout,
    model,
    scene,
    aliases,
    selected: known ? selected : null,
    detail,
    query,
    filtered:
      LIST_FILTERS.some((key) => filters[key].length > 0) || filters.from !== null || filters.to !== null,
  } as const;
};
