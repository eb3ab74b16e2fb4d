/**
 * The network chart's scene: everything about the chart but where things go — sizes, colours, link
 * styles, degree and betweenness, the legend — and what a layout needs from it. Large graphs ship only
 * the scene to the browser, where a Web Worker lays it out (`forceInput`) and a canvas draws it.
 */
import { max } from 'd3-array';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import {
  categoryColors,
  compareStrings,
  fixedCategoryColors,
  INSTITUTION_TYPE_COLORS,
  INSTITUTION_TYPE_ORDER,
  mappedCategoryColors,
} from '../palette.js';
import { clamp, round2 } from '../number.js';
import { betweenness } from './betweenness.js';
import type { ForceInput, Margins } from './force.js';
import { parallelOffsets } from './links.js';
import { linkFade, PARTNERSHIP_STATUS_ORDER, statusDash, statusStyle } from './style.js';
import type {
  NetworkData,
  NetworkLegendModel,
  NetworkLegendStatus,
  NetworkLink,
  NetworkNode,
  NetworkOptions,
  NetworkScene,
  NetworkSceneLink,
  NetworkSceneNode,
} from './types.js';

/** Betweenness is exact up to this many nodes, and estimated from this many pivots above. */
const BETWEENNESS_EXACT_UP_TO = 3000;
const BETWEENNESS_PIVOTS = 400;

/** Up to this many nodes every node is labelled; above it, at most this many labels. */
export const LABEL_ALL_UP_TO = 40;
/** Room kept free along the edges of the box, px. */
export const PADDING = 8;
/** Longest line of a label in the force layout, in em (about 30 Latin characters). */
export const FORCE_LABEL_EM = 17;

/**
 * Room kept around each node of a fully labelled graph, in em: most of a typical two-line institution name
 * (about 10 em a line; 0.7 of it, as labels may go above, below or to either side).
 */
const LABEL_ROOM_EM = 7;

/** Tick budget by graph size, so 2,000 nodes lay out well under a second on a laptop. */
export function defaultTicks(nodeCount: number): number {
  if (nodeCount <= 200) return 300;
  if (nodeCount <= 500) return 200;
  if (nodeCount <= 1000) return 120;
  return 60;
}

/**
 * Tick budget in the browser, where a Web Worker lays out large graphs while the page shows them
 * settling: 240 up to 2,000 nodes (more than the server affords), then fewer as graphs grow, for about
 * the same total work (a tick of 20,000 nodes takes about 0.2 s there; 240 of them took minutes), and
 * never fewer than the server's budget.
 */
export function browserTicks(nodeCount: number): number {
  return Math.max(defaultTicks(nodeCount), Math.round((240 * 2000) / Math.max(2000, nodeCount)));
}

/** Default label font size for a viewBox width (see `NetworkOptions.labelSize`). */
export function defaultLabelSize(width: number): number {
  return clamp(Math.round(width / 60), 11, 16);
}

/**
 * Works out everything about the chart except where things go: sizes, colours, link styles, degree
 * and betweenness, the legend. Pure and deterministic; input order doesn't matter.
 */
export function networkScene(data: NetworkData, options: NetworkOptions): NetworkScene {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new RangeError(`networkModel: width and height must be > 0`);
  const colorBy = options.colorBy ?? 'city';
  const layout = options.layout ?? 'force';
  const seed = options.seed ?? 1;
  const labelSize = round2(options.labelSize ?? defaultLabelSize(width));

  // Nodes sorted by id: the layout's initial state, and so its result, doesn't depend on input order.
  const byId = new Map<string, NetworkNode>();
  let droppedNodes = 0;
  for (const node of data.nodes) {
    if (byId.has(node.id)) droppedNodes++;
    else byId.set(node.id, node);
  }
  const nodes = [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));

  const linkIds = new Set<string>();
  const links: NetworkLink[] = [];
  let droppedLinks = 0;
  for (const link of [...data.links].sort((a, b) => compareStrings(a.id, b.id))) {
    if (
      !indexOf.has(link.source) ||
      !indexOf.has(link.target) ||
      link.source === link.target ||
      linkIds.has(link.id)
    ) {
      droppedLinks++;
      continue;
    }
    linkIds.add(link.id);
    links.push(link);
  }
  const edges = links.map((l) => [indexOf.get(l.source) ?? 0, indexOf.get(l.target) ?? 0] as const);

  const degree = new Array<number>(nodes.length).fill(0);
  for (const [a, b] of edges) {
    degree[a]!++;
    degree[b]!++;
  }
  // Exact up to a few thousand institutions; past that an estimate from a fixed number of pivots, said so in the scene.
  const pivots = nodes.length > BETWEENNESS_EXACT_UP_TO ? BETWEENNESS_PIVOTS : undefined;
  const centrality = betweenness(nodes.length, edges, { pivots, seed });

  // Sizes: area ∝ the size measure (sqrt scale), with a floor so institutions with none of it show.
  // Radii shrink with crowding so large graphs stay legible.
  const crowding = crowdingOf(width, height, nodes.length);
  const rMin = Math.max(2, 5 * crowding);
  const rMax = Math.max(rMin + 2, 22 * crowding);
  // Area ∝ people trained, or ∝ partnerships: then the most connected institution is the largest.
  const sizeBy = options.sizeBy ?? 'trained';
  const sizeOf = (i: number) =>
    sizeBy === 'partnerships' ? degree[i]! : Math.max(0, nodes[i]!.trained || 0);
  const maxTrained = max(nodes, (_, i) => sizeOf(i)) ?? 0;
  const radius = scaleSqrt()
    .domain([0, Math.max(1, maxTrained)])
    .range([rMin, rMax])
    .clamp(true);

  // Colours.
  const cities = [...new Set(nodes.map((n) => n.city))].sort(compareStrings);
  const colorKey = (n: NetworkNode) =>
    colorBy === 'type' ? n.type : colorBy === 'country' ? n.country : n.city;
  const palette =
    colorBy === 'type'
      ? fixedCategoryColors(
          nodes.map((n) => n.type),
          INSTITUTION_TYPE_COLORS,
          INSTITUTION_TYPE_ORDER,
        )
      : options.colors
        ? mappedCategoryColors(nodes.map(colorKey), options.colors)
        : categoryColors(countBy(nodes, colorKey));

  const sceneNodes: NetworkSceneNode[] = nodes.map((n, i) => ({
    ...givenNode(n),
    r: round2(radius(sizeOf(i))),
    color: palette.colorOf(colorKey(n)),
    degree: degree[i]!,
    betweenness: round2(centrality[i]!),
    context: n.matched === false,
  }));

  // Links: width by milestones, dash by status.
  const maxMilestones = max(links, (l) => l.milestones) ?? 0;
  // Thinner, lighter links when crowded, so a large graph doesn't turn into a dark mat.
  const linkScale = clamp(crowding * 1.25, 0.4, 1);
  const fade = linkFade(links.length);
  const linkWidth = scaleLinear()
    .domain([0, Math.max(1, maxMilestones)])
    .range([Math.max(0.75, 1.25 * linkScale), 5 * linkScale])
    .clamp(true);
  const parallel = parallelOffsets(links);
  const sceneLinks: NetworkSceneLink[] = links.map((l, i) => {
    const w = round2(linkWidth(Math.max(0, l.milestones || 0)));
    const style = statusStyle(l.status);
    return {
      ...givenLink(l),
      width: w,
      dash: statusDash(l.status, w),
      linecap: style.linecap,
      stroke: style.stroke,
      opacity: round2(style.opacity * fade),
      bend: parallel[i]!,
    };
  });

  const present = new Set(links.map((l) => l.status));
  const statuses: NetworkLegendStatus[] = [
    ...PARTNERSHIP_STATUS_ORDER.filter((s) => present.has(s)),
    ...[...present].filter((s) => !PARTNERSHIP_STATUS_ORDER.includes(s)).sort(compareStrings),
  ].map((key) => {
    const style = statusStyle(key);
    return {
      key,
      dash: statusDash(key, 2),
      linecap: style.linecap,
      stroke: style.stroke,
      opacity: style.opacity,
      width: 2,
    };
  });

  const ticks = layout === 'force' ? Math.max(0, Math.floor(options.ticks ?? defaultTicks(nodes.length))) : 0;
  const legend: NetworkLegendModel = {
    colorBy,
    colors: palette.entries,
    statuses,
    sizeBy,
    sizes: sizeSamples(maxTrained, radius, sizeBy === 'partnerships'),
  };
  if (sceneNodes.some((n) => n.context)) legend.context = true;

  return {
    width: round2(width),
    height: round2(height),
    layout,
    colorBy,
    seed,
    ticks,
    labelSize,
    cities,
    nodes: sceneNodes,
    links: sceneLinks,
    legend,
    droppedLinks,
    droppedNodes,
    betweennessPivots: pivots !== undefined && degree.filter((d) => d > 0).length > pivots ? pivots : null,
    summary: {
      institutions: nodes.length,
      partnerships: links.length,
      cities: cities.length,
      trained: nodes.reduce((sum, n) => sum + Math.max(0, n.trained || 0), 0),
    },
  };
}

/** How much room each node has in the box, 0.3 (crowded: the floor) to 1: node radii and link widths scale with it. */
function crowdingOf(width: number, height: number, nodeCount: number): number {
  return clamp(Math.sqrt((width * height) / Math.max(1, nodeCount) / 12000), 0.3, 1);
}

/**
 * The scene in another box (a phone's upright one), to be laid out there; null when its sizes would differ there.
 * Only the room per node makes radii and link widths depend on the box, and past a few hundred nodes both boxes
 * are at its floor: then the scene is the same but for the box, and need not be worked out again.
 */
export function reboxScene(
  scene: NetworkScene,
  box: { width: number; height: number; labelSize?: number },
): NetworkScene | null {
  const n = scene.nodes.length;
  if (crowdingOf(scene.width, scene.height, n) !== crowdingOf(box.width, box.height, n)) return null;
  return {
    ...scene,
    width: round2(box.width),
    height: round2(box.height),
    labelSize: round2(box.labelSize ?? defaultLabelSize(box.width)),
  };
}

/** What a scene node keeps of the institution it was made from, as given. */
function givenNode(n: Omit<NetworkNode, 'matched'>): Omit<NetworkNode, 'matched'> {
  return {
    id: n.id,
    label: n.label,
    ...(n.labelLang === undefined ? {} : { labelLang: n.labelLang }),
    city: n.city,
    country: n.country,
    type: n.type,
    trained: n.trained,
  };
}

/** What a scene link keeps of the partnership it was made from, as given. */
function givenLink(l: NetworkLink): NetworkLink & { milestonesDone: number } {
  return {
    id: l.id,
    source: l.source,
    target: l.target,
    status: l.status,
    area: l.area,
    milestones: l.milestones,
    milestonesDone: l.milestonesDone ?? 0,
  };
}

/** The data a scene (or a model laid out from one) was made from, to make it again in another box. */
export function sceneData(scene: {
  nodes: readonly NetworkSceneNode[];
  links: readonly NetworkSceneLink[];
}): NetworkData {
  return {
    nodes: scene.nodes.map((n) => ({ ...givenNode(n), matched: !n.context })),
    links: scene.links.map(givenLink),
  };
}

/** Node index pairs of the scene's links. */
export function sceneEdges(scene: Pick<NetworkScene, 'nodes' | 'links'>): Array<[number, number]> {
  const indexOf = new Map(scene.nodes.map((n, i) => [n.id, i]));
  return scene.links.map((l) => [indexOf.get(l.source) ?? 0, indexOf.get(l.target) ?? 0]);
}

/** Whether every node of a scene gets a label. */
export const labelsAll = (scene: Pick<NetworkScene, 'nodes'>) => scene.nodes.length <= LABEL_ALL_UP_TO;

/** Input of the force layout for a scene (what the Web Worker receives for large graphs). */
export function forceInput(scene: NetworkScene, ticks: number = scene.ticks): ForceInput {
  const f = scene.labelSize;
  return {
    // Small graphs label every node: keep nodes apart by room for a typical label. The same room for every node
    // and every language (not each label's own width), so the chart keeps its shape from one language to the next.
    labelRadii: labelsAll(scene) ? scene.nodes.map(() => LABEL_ROOM_EM * f) : undefined,
    nodes: scene.nodes.map((n) => ({ r: n.r, city: n.city, degree: n.degree })),
    edges: sceneEdges(scene),
    cities: scene.cities,
    width: scene.width,
    height: scene.height,
    seed: scene.seed,
    ticks,
    margins: forceMargins(scene),
  };
}

/** Room around a force layout: labels above and below the top and bottom nodes, and beside the outer ones. */
function forceMargins(scene: NetworkScene): Margins {
  const f = scene.labelSize;
  const side = labelsAll(scene) ? PADDING + f : PADDING;
  return {
    top: PADDING + (labelsAll(scene) ? f * 1.2 : 0),
    bottom: PADDING + f * 1.3,
    left: side,
    right: side,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Reference sizes for the legend: up to three "nice" values of people trained, largest first. */
function sizeSamples(
  maxTrained: number,
  radius: (v: number) => number,
  whole = false,
): Array<{ value: number; r: number }> {
  if (maxTrained <= 0) return [{ value: 0, r: round2(radius(0)) }];
  const ticks = scaleLinear().domain([0, maxTrained]).nice(4).ticks(4);
  // Counts of partnerships come whole: no "1.5 partnerships" in the legend.
  const top = ticks.filter((t) => t > 0 && t <= maxTrained && (!whole || Number.isInteger(t)));
  const picks = [top[top.length - 1], top[Math.floor((top.length - 1) / 2)], top[0]].filter(
    (v): v is number => v !== undefined,
  );
  const values = [...new Set(picks.length > 0 ? picks : [maxTrained])].sort((a, b) => b - a);
  return values.map((value) => ({ value, r: round2(radius(value)) }));
}
