/**
 * The /network page's views. Up to `SVG_UP_TO` institutions the chart is laid out on the server and sent as SVG
 * (it shows before any JavaScript runs). Past that it is a canvas: the page itself stays small, and the scene
 * (sizes, colours, centrality, every institution's names for search) comes from `/network/scene` as its own,
 * cached and compressed response, to be laid out in a Web Worker and drawn in the browser.
 */
import type { Filters } from '@puente/data';
import { LIST_FILTERS } from '@puente/data';
import {
  kpis,
  mapInTurns,
  mostConnected,
  network,
  type NetworkData as GraphRows,
  type Scope,
  type Store,
} from '@puente/data/store';
import type { NetworkData, NetworkModel, NetworkOptions, PackedScene } from '@puente/charts';
import type { Locale } from '$lib/i18n/translator';
import { institutionLabel, institutionLang } from '$lib/labels';
import { networkColors, type ProgrammeColors } from './colors';
import { networkModelOffThread, networkSceneOffThread } from './network-pool';
import { aroundHubs } from './overview';
import { uprightModel } from './upright';

/** Past this many institutions the network is drawn on canvas, laid out in the browser. */
export const SVG_UP_TO = 1500;
/**
 * What a file or embed of a network past SVG_UP_TO draws: its most connected institutions and their partners, this
 * many in all — enough to show the programme's shape on a slide, and a layout of bounded cost at any size.
 */
export const CUT_NODES = 150;

/**
 * The viewBox. The SVG scales with its column (about 920 px wide next to the side panel on a laptop,
 * 680 px on a 768 px tablet), so labels are set at 15 to read at 10–11 px on the tablet.
 */
const CHART: Pick<NetworkOptions, 'width' | 'height' | 'labelSize'> = {
  width: 960,
  height: 600,
  labelSize: 15,
};

export type ColorBy = 'city' | 'type';
export type SizeBy = 'partnerships' | 'trained';
export type Layout = 'force' | 'bridge';

export interface NetworkInput {
  filters: Filters;
  locale: Locale;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  layout: Layout;
  /** The programme's colours (a city keeps its colour under every filter). */
  colors?: ProgrammeColors;
}

export interface NetworkView {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  layout: Layout;
  /** The laid-out chart (SVG), or null when the graph is drawn on canvas from `/network/scene`. */
  model: NetworkModel | null;
  /** Institutions and partnerships in view, whichever way the chart is drawn. */
  counts: { institutions: number; partnerships: number };
  /** The other names of each institution, so the search finds it in any language (SVG views; canvas views get
   * them with the scene). */
  aliases: Record<string, string[]>;
  filtered: boolean;
}

export interface NetworkSceneView {
  scene: PackedScene;
  aliases: Record<string, string[]>;
}

/**
 * The chart's input in the reader's language, and the aliases for search. In turns of the event loop: at 20,000
 * institutions this is a tenth of a second of work.
 */
async function chartData(
  graph: GraphRows,
  locale: Locale,
): Promise<{ data: NetworkData; aliases: Record<string, string[]> }> {
  const aliases: Record<string, string[]> = {};
  const nodes = await mapInTurns(graph.nodes, (n) => {
    const label = institutionLabel(n, locale);
    const others = [...new Set([n.name, n.name_en, n.name_es, n.name_zh])].filter(
      (name): name is string => !!name && name !== label,
    );
    if (others.length > 0) aliases[n.id] = others;
    const labelLang = institutionLang(n, locale);
    return {
      id: n.id,
      label,
      ...(labelLang === undefined ? {} : { labelLang }),
      city: n.city,
      country: n.country,
      type: n.type,
      trained: n.trained,
      matched: n.matched,
    };
  });

  return { data: { nodes, links: graph.links }, aliases };
}

const options = (input: Omit<NetworkInput, 'locale' | 'filters'>): NetworkOptions => ({
  ...CHART,
  ...(input.colors ? networkColors(input.colors, input.colorBy) : { colorBy: input.colorBy }),
  sizeBy: input.sizeBy,
  layout: input.layout,
  seed: 1,
});

/** The page's view of the network in view (`graph`: the `network()` rows under the page's filters). */
export async function networkView(graph: GraphRows, input: NetworkInput): Promise<NetworkView> {
  const canvas = graph.nodes.length > SVG_UP_TO;
  const { data, aliases } = await chartData(canvas ? { nodes: [], links: [] } : graph, input.locale);
  const model = canvas ? null : await networkModelOffThread({ data, options: options(input) });
  return {
    colorBy: input.colorBy,
    sizeBy: input.sizeBy,
    layout: input.layout,
    model,
    counts: { institutions: graph.nodes.length, partnerships: graph.links.length },
    aliases,
    filtered:
      LIST_FILTERS.some((key) => input.filters[key].length > 0) ||
      input.filters.from !== null ||
      input.filters.to !== null,
  };
}

/** The network page's chart upright for a phone: null for a graph drawn on canvas (the browser lays that out). */
export async function networkUprightView(
  view: NetworkView,
  input: Omit<NetworkInput, 'locale' | 'filters'>,
): Promise<{ model: NetworkModel | null }> {
  return { model: view.model && (await uprightModel(view.model, options(input))) };
}

/**
 * The scene of a large network, in no language: labels are the institutions' ids. Sizes, colours and centrality
 * don't depend on the language, so this heavy part is computed once for all three.
 */
export async function networkSceneOfIds(
  graph: GraphRows,
  input: Omit<NetworkInput, 'locale'>,
): Promise<PackedScene> {
  // Only what the worker reads: every field more is copied to its thread on the request thread.
  const nodes = await mapInTurns(graph.nodes, (n) => ({
    id: n.id,
    label: n.id,
    city: n.city,
    country: n.country,
    type: n.type,
    trained: n.trained,
    matched: n.matched,
  }));
  const links = await mapInTurns(graph.links, (l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    area: l.area,
    status: l.status,
    milestones: l.milestones,
    milestonesDone: l.milestonesDone,
  }));
  return networkSceneOffThread({ data: { nodes, links }, options: options(input) });
}

/** The scene in the reader's language, with every institution's other names for search. */
export async function networkSceneView(
  graph: GraphRows,
  scene: PackedScene,
  locale: Locale,
): Promise<NetworkSceneView> {
  const { data, aliases } = await chartData({ nodes: graph.nodes, links: [] }, locale);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const label = await mapInTurns(scene.nodes.id, (id) => byId.get(id)?.label ?? id);
  // The canvas sets a name shown untranslated in its own language, as the SVG's `lang` does.
  const labelLang = await mapInTurns(scene.nodes.id, (id) => byId.get(id)?.labelLang ?? null);
  return { scene: { ...scene, nodes: { ...scene.nodes, label, labelLang } }, aliases };
}

export interface NetworkCut {
  model: NetworkModel;
  /** Institutions drawn, of how many in view. */
  cut: { shown: number; total: number };
}

/**
 * The network cut for a file or embed (see CUT_NODES): the hubs of the view and their partners, laid out with the
 * page's options. Reads the hubs' partnerships and CUT_NODES institutions, never the whole graph.
 */
export async function networkCutView(
  store: Store,
  input: Omit<NetworkInput, 'filters'> & { filters: Scope },
  signal?: AbortSignal,
): Promise<NetworkCut> {
  const [top, figures] = await Promise.all([
    mostConnected(store, input.filters, CUT_NODES),
    kpis(store, input.filters),
  ]);
  // The hubs' partnerships, then the institutions chosen: stopped when no request waits for them any more.
  const near = await network(store, input.filters, { touching: top.items.map((t) => t.id) }, signal);
  const only = aroundHubs(near, top.items, CUT_NODES);
  const graph = await network(store, input.filters, { only }, signal);
  const { data } = await chartData(graph, input.locale);
  return {
    model: await networkModelOffThread({ data, options: options(input) }),
    cut: { shown: graph.nodes.length, total: figures.institutions },
  };
}
