/**
 * The network chart's model: institutions as nodes, partnerships as links, laid out either by a
 * deterministic force simulation or as a "bridge" (each city on its own side, cooperation across the
 * middle). The result is plain serialisable data, rounded to 2 decimals, that `NetworkGraph.svelte`
 * only draws — on the server, in the browser, or into an SVG/PNG export, identically.
 */
import { max } from 'd3-array';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import {
  categoryColors,
  compareStrings,
  fixedCategoryColors,
  INSTITUTION_TYPE_COLORS,
  INSTITUTION_TYPE_ORDER,
  type CategoryColor,
} from '../palette.js';
import { clamp, lcg, round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { betweenness } from './betweenness.js';

/** An institution. */
export interface NetworkNode {
  id: string;
  label: string;
  city: string;
  country: string;
  /** Institution type (government, agency, university, college, company, association, other). */
  type: string;
  /** People trained by or at this institution; drives the node's area. */
  trained: number;
}

/** A partnership between two institutions. */
export interface NetworkLink {
  id: string;
  /** Institution id. */
  source: string;
  /** Institution id. */
  target: string;
  /** proposed, negotiating, agreed, active, completed, paused or cancelled; drives the dash pattern. */
  status: string;
  area: string;
  /** Milestones planned; drives the stroke width. */
  milestones: number;
  milestonesDone?: number;
}

export interface NetworkData {
  nodes: NetworkNode[];
  links: NetworkLink[];
}

export interface NetworkOptions {
  /** Size of the SVG viewBox, in px. */
  width: number;
  height: number;
  /** What node colour encodes. Default `'city'`. */
  colorBy?: 'city' | 'type';
  /**
   * `'force'` (default): a seeded force simulation, run for a fixed tick budget.
   * `'bridge'`: two cities as left and right columns (more cities around a circle), partnerships across.
   */
  layout?: 'force' | 'bridge';
  /** Seed of the force layout's random source. Same data + options + seed → same model. Default 1. */
  seed?: number;
  /** Tick budget of the force simulation. Default depends on size: 300 up to 200 nodes, down to 60 at 1,000+. */
  ticks?: number;
}

export type LabelAnchor = 'start' | 'middle' | 'end';

export interface NetworkModelNode extends NetworkNode {
  x: number;
  y: number;
  r: number;
  color: string;
  /** Number of partnerships (drawn links) of this institution. */
  degree: number;
  /** Betweenness centrality, normalised 0..1 (Brandes, unweighted, undirected). */
  betweenness: number;
  /** Whether the chart labels this node (all up to 40 nodes; otherwise the larger, best-connected ones that fit). */
  labelVisible: boolean;
  /** The label as drawn: shortened with an ellipsis when it wouldn't fit (the full label is in `label`). */
  labelText: string;
  labelX: number;
  labelY: number;
  labelAnchor: LabelAnchor;
}

export interface NetworkModelLink extends NetworkLink {
  milestonesDone: number;
  /** Labels of the two institutions, for tooltips and text alternatives. */
  sourceLabel: string;
  targetLabel: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path: a straight line, or a curve for parallel links and the bridge layout. */
  path: string;
  width: number;
  /** `stroke-dasharray`, or null for a solid line. */
  dash: string | null;
  linecap: 'butt' | 'round';
  stroke: string;
  opacity: number;
}

/** How a partnership status is drawn. */
export interface StatusStyle {
  /** Dash pattern at stroke width 1 (scaled with the width), or null for solid. */
  dash: number[] | null;
  linecap: 'butt' | 'round';
  stroke: string;
  opacity: number;
}

export interface NetworkLegendStatus {
  key: string;
  /** `stroke-dasharray` at the legend's stroke width (2). */
  dash: string | null;
  linecap: 'butt' | 'round';
  stroke: string;
  opacity: number;
  width: number;
}

export interface NetworkLegendModel {
  colorBy: 'city' | 'type';
  colors: CategoryColor[];
  /** Statuses present in the data, in pipeline order. */
  statuses: NetworkLegendStatus[];
  /** A few reference sizes: people trained → radius. */
  sizes: Array<{ value: number; r: number }>;
}

export interface NetworkModel {
  width: number;
  height: number;
  layout: 'force' | 'bridge';
  colorBy: 'city' | 'type';
  seed: number;
  /** Ticks the force simulation ran (0 for the bridge layout). */
  ticks: number;
  /** Cities, sorted (left to right in the bridge layout). */
  cities: string[];
  nodes: NetworkModelNode[];
  links: NetworkModelLink[];
  legend: NetworkLegendModel;
  /** Links left out: an endpoint missing from the nodes, a self-loop, or a repeated id. */
  droppedLinks: number;
  /** Nodes left out because their id repeats an earlier node's. */
  droppedNodes: number;
  summary: { institutions: number; partnerships: number; cities: number; trained: number };
}

/** Pipeline order of partnership statuses; paused and cancelled sit aside, at the end. */
export const PARTNERSHIP_STATUS_ORDER: readonly string[] = [
  'proposed',
  'negotiating',
  'agreed',
  'active',
  'completed',
  'paused',
  'cancelled',
];

/**
 * Dash pattern by status: not yet agreed is dashed, agreed/active solid (active darker), completed
 * solid but lighter, paused dotted, cancelled faint. Patterns differ in shape, not only in grey, so
 * they read without colour.
 */
export const PARTNERSHIP_STATUS_STYLES: Readonly<Record<string, StatusStyle>> = {
  proposed: { dash: [4, 3], linecap: 'butt', stroke: '#6b7280', opacity: 0.9 },
  negotiating: { dash: [6, 2, 1.5, 2], linecap: 'butt', stroke: '#6b7280', opacity: 0.9 },
  agreed: { dash: null, linecap: 'butt', stroke: '#4b5563', opacity: 0.9 },
  active: { dash: null, linecap: 'butt', stroke: '#1f2937', opacity: 0.9 },
  completed: { dash: null, linecap: 'butt', stroke: '#9ca3af', opacity: 0.8 },
  paused: { dash: [0.1, 3], linecap: 'round', stroke: '#4b5563', opacity: 0.9 },
  cancelled: { dash: [1, 4], linecap: 'butt', stroke: '#d1d5db', opacity: 0.6 },
};
const UNKNOWN_STATUS_STYLE: StatusStyle = { dash: null, linecap: 'butt', stroke: '#6b7280', opacity: 0.9 };

/** Up to this many nodes every node is labelled; above it, at most this many labels. */
const LABEL_ALL_UP_TO = 40;
const LABEL_FONT_SIZE = 11;
const PADDING = 8;
/** Longest label in the force layout, px (about 30 Latin characters). */
const FORCE_LABEL_ROOM = 190;

export function statusStyle(status: string): StatusStyle {
  return PARTNERSHIP_STATUS_STYLES[status] ?? UNKNOWN_STATUS_STYLE;
}

/** The `stroke-dasharray` of a status at a given stroke width (patterns grow with the line). */
export function statusDash(status: string, width: number): string | null {
  const { dash } = statusStyle(status);
  if (!dash) return null;
  const unit = Math.max(1, width);
  return dash.map((d) => round2(d * unit)).join(' ');
}

/** Tick budget by graph size, so 2,000 nodes lay out well under a second on a laptop. */
export function defaultTicks(nodeCount: number): number {
  if (nodeCount <= 200) return 300;
  if (nodeCount <= 500) return 200;
  if (nodeCount <= 1000) return 120;
  return 60;
}

interface LayoutNode extends SimulationNodeDatum {
  index: number;
  r: number;
  city: string;
  x: number;
  y: number;
}

interface Placement {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  labelAnchor: LabelAnchor;
  /** Room for the label's text, px; longer labels are shortened with an ellipsis. */
  labelRoom: number;
  /** False where a label would sit among other nodes (inner columns and rings of the bridge layout). */
  labelEligible: boolean;
}

/**
 * Builds the network chart's model. Pure and deterministic: the same data, options and seed give a
 * deep-equal model on every machine (node and link order in the input doesn't matter either).
 */
export function networkModel(data: NetworkData, options: NetworkOptions): NetworkModel {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new RangeError(`networkModel: width and height must be > 0`);
  const colorBy = options.colorBy ?? 'city';
  const layout = options.layout ?? 'force';
  const seed = options.seed ?? 1;

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
  const centrality = betweenness(nodes.length, edges);

  // Sizes: area ∝ people trained (sqrt scale), with a floor so institutions with nobody trained show.
  // Radii shrink with crowding so large graphs stay legible.
  const crowding = clamp(Math.sqrt((width * height) / Math.max(1, nodes.length) / 12000), 0.3, 1);
  const rMin = Math.max(2, 5 * crowding);
  const rMax = Math.max(rMin + 2, 22 * crowding);
  const maxTrained = max(nodes, (n) => Math.max(0, n.trained)) ?? 0;
  const radius = scaleSqrt()
    .domain([0, Math.max(1, maxTrained)])
    .range([rMin, rMax])
    .clamp(true);
  const radii = nodes.map((n) => radius(Math.max(0, n.trained || 0)));

  // Colours.
  const cities = [...new Set(nodes.map((n) => n.city))].sort(compareStrings);
  const palette =
    colorBy === 'type'
      ? fixedCategoryColors(
          nodes.map((n) => n.type),
          INSTITUTION_TYPE_COLORS,
          INSTITUTION_TYPE_ORDER,
        )
      : categoryColors(countBy(nodes, (n) => n.city));

  const ticks = layout === 'force' ? Math.max(0, Math.floor(options.ticks ?? defaultTicks(nodes.length))) : 0;
  const placements = (
    layout === 'bridge'
      ? bridgeLayout(nodes, radii, degree, cities, width, height)
      : forceLayout(nodes, radii, edges, degree, cities, width, height, seed, ticks)
  ).map((p, i) => ({ ...p, labelText: shorten(nodes[i]!.label, p.labelRoom) }));

  const visible = chooseLabels(nodes, radii, degree, centrality, placements, width, height);

  const modelNodes: NetworkModelNode[] = nodes.map((n, i) => {
    const p = placements[i]!;
    return {
      id: n.id,
      label: n.label,
      city: n.city,
      country: n.country,
      type: n.type,
      trained: n.trained,
      x: round2(p.x),
      y: round2(p.y),
      r: round2(radii[i]!),
      color: palette.colorOf(colorBy === 'type' ? n.type : n.city),
      degree: degree[i]!,
      betweenness: round2(centrality[i]!),
      labelVisible: visible[i]!,
      labelText: p.labelText,
      labelX: round2(p.labelX),
      labelY: round2(p.labelY),
      labelAnchor: p.labelAnchor,
    };
  });

  // Links: width by milestones, dash by status, geometry from the rounded node positions.
  const maxMilestones = max(links, (l) => l.milestones) ?? 0;
  // Thinner, lighter links when crowded, so a large graph doesn't turn into a dark mat.
  const linkScale = clamp(crowding * 1.25, 0.4, 1);
  const linkFade = clamp(Math.sqrt(200 / Math.max(1, links.length)), 0.35, 1);
  const linkWidth = scaleLinear()
    .domain([0, Math.max(1, maxMilestones)])
    .range([Math.max(0.75, 1.25 * linkScale), 5 * linkScale])
    .clamp(true);
  const parallel = parallelOffsets(links);
  const centre = { x: width / 2, y: height / 2 };
  const modelLinks: NetworkModelLink[] = links.map((l, i) => {
    const [a, b] = edges[i]!;
    const s = modelNodes[a]!;
    const t = modelNodes[b]!;
    const w = round2(linkWidth(Math.max(0, l.milestones || 0)));
    const style = statusStyle(l.status);
    const offset = parallel[i]!;
    const path =
      layout === 'bridge'
        ? bridgePath(s, t, offset, cities, centre)
        : offset === 0
          ? `M${s.x},${s.y}L${t.x},${t.y}`
          : bentPath(s, t, offset);
    return {
      id: l.id,
      source: l.source,
      target: l.target,
      status: l.status,
      area: l.area,
      milestones: l.milestones,
      milestonesDone: l.milestonesDone ?? 0,
      sourceLabel: s.label,
      targetLabel: t.label,
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      path,
      width: w,
      dash: statusDash(l.status, w),
      linecap: style.linecap,
      stroke: style.stroke,
      opacity: round2(style.opacity * linkFade),
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

  return {
    width: round2(width),
    height: round2(height),
    layout,
    colorBy,
    seed,
    ticks,
    cities,
    nodes: modelNodes,
    links: modelLinks,
    legend: {
      colorBy,
      colors: palette.entries,
      statuses,
      sizes: sizeSamples(maxTrained, radius),
    },
    droppedLinks,
    droppedNodes,
    summary: {
      institutions: nodes.length,
      partnerships: links.length,
      cities: cities.length,
      trained: nodes.reduce((sum, n) => sum + Math.max(0, n.trained || 0), 0),
    },
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Reference sizes for the legend: up to three "nice" values of people trained, largest first. */
function sizeSamples(maxTrained: number, radius: (v: number) => number): Array<{ value: number; r: number }> {
  if (maxTrained <= 0) return [{ value: 0, r: round2(radius(0)) }];
  const ticks = scaleLinear().domain([0, maxTrained]).nice(4).ticks(4);
  const top = ticks.filter((t) => t > 0 && t <= maxTrained);
  const picks = [top[top.length - 1], top[Math.floor((top.length - 1) / 2)], top[0]].filter(
    (v): v is number => v !== undefined,
  );
  const values = [...new Set(picks.length > 0 ? picks : [maxTrained])].sort((a, b) => b - a);
  return values.map((value) => ({ value, r: round2(radius(value)) }));
}

// ---------------------------------------------------------------------------------------------------
// Force layout

/**
 * A force layout that is deterministic: initial positions come from the sorted node order and a
 * seeded generator (cities start in their own sector, so they tend to stay apart), the simulation's
 * random source is the same seeded generator (https://d3js.org/d3-force/simulation#simulation_randomSource),
 * and the simulation is stopped and stepped synchronously for a fixed tick budget, its alpha decay
 * set so it cools within that budget.
 */
function forceLayout(
  nodes: readonly NetworkNode[],
  radii: readonly number[],
  edges: ReadonlyArray<readonly [number, number]>,
  degree: readonly number[],
  cities: readonly string[],
  width: number,
  height: number,
  seed: number,
  ticks: number,
): Placement[] {
  const n = nodes.length;
  if (n === 0) return [];
  const random = lcg(seed);
  // Typical distance between neighbours if the nodes filled the box evenly.
  const spacing = clamp(Math.sqrt((width * height) / n) * 0.6, 8, 90);
  const cityIndex = new Map(cities.map((c, i) => [c, i]));
  const perCity = new Array<number>(cities.length).fill(0);
  const spread = Math.min(width, height) * 0.3;

  const simNodes: LayoutNode[] = nodes.map((node, i) => {
    const c = cityIndex.get(node.city) ?? 0;
    const k = perCity[c]!++;
    const angle = cities.length > 1 ? Math.PI + (2 * Math.PI * c) / cities.length : 0;
    const cx = cities.length > 1 ? Math.cos(angle) * spread : 0;
    const cy = cities.length > 1 ? Math.sin(angle) * spread * 0.6 : 0;
    // Phyllotaxis within the city's sector (as d3-force does by default), plus seeded jitter.
    const rho = spacing * 0.5 * Math.sqrt(0.5 + k);
    const theta = k * Math.PI * (3 - Math.sqrt(5));
    return {
      index: i,
      r: radii[i]!,
      city: node.city,
      x: cx + rho * Math.cos(theta) + (random() - 0.5) * spacing,
      y: cy + rho * Math.sin(theta) + (random() - 0.5) * spacing,
    };
  });
  const simLinks: Array<SimulationLinkDatum<LayoutNode>> = edges.map(([a, b]) => ({ source: a, target: b }));

  const aspect = width / height;
  const gravity = (d: LayoutNode) => (degree[d.index] === 0 ? 0.15 : 0.05);
  const simulation = forceSimulation<LayoutNode>(simNodes)
    .randomSource(random)
    .alphaDecay(ticks > 0 ? 1 - Math.pow(0.001, 1 / ticks) : 0.0228)
    .force(
      'link',
      forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>(simLinks)
        .id((d) => d.index)
        .distance((l) => spacing + (l.source as LayoutNode).r + (l.target as LayoutNode).r),
    )
    .force(
      'charge',
      forceManyBody<LayoutNode>()
        .strength(-spacing * 2.5)
        .theta(n > 500 ? 1.2 : 0.9),
    )
    // Gravity stronger vertically when the box is wide, so the layout takes the box's shape; and
    // stronger for institutions without partnerships, which the charge would otherwise push into a
    // far ring around the graph.
    .force(
      'x',
      forceX<LayoutNode>(0).strength((d) => gravity(d) / Math.max(1, aspect)),
    )
    .force(
      'y',
      forceY<LayoutNode>(0).strength((d) => gravity(d) * Math.max(1, aspect)),
    )
    .stop();
  // Collision is the costliest force; on large graphs it only joins for the last third of the
  // budget, once the layout has unfolded and only local overlaps remain to settle.
  const collide = forceCollide<LayoutNode>((d) => d.r + 2).iterations(n > 500 ? 1 : 2);
  const collideFrom = n > 500 ? Math.floor((ticks * 2) / 3) : 0;
  for (let i = 0; i < ticks; i++) {
    if (i === collideFrom) simulation.force('collide', collide);
    simulation.tick();
  }

  // Fit the layout into the box (never enlarging more than 1.5×), then clamp as a guarantee.
  const labelRoom = LABEL_FONT_SIZE + 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const d of simNodes) {
    minX = Math.min(minX, d.x - d.r);
    maxX = Math.max(maxX, d.x + d.r);
    minY = Math.min(minY, d.y - d.r);
    maxY = Math.max(maxY, d.y + d.r);
  }
  const availableW = width - 2 * PADDING;
  const availableH = height - 2 * PADDING - labelRoom;
  const scale = Math.min(1.5, availableW / Math.max(1, maxX - minX), availableH / Math.max(1, maxY - minY));
  const midX = (minX + maxX) / 2;
  const midY = (minY + maxY) / 2;

  return simNodes.map((d) => {
    const r = d.r;
    const x = clamp(width / 2 + (d.x - midX) * scale, PADDING + r, width - PADDING - r);
    const y = clamp(
      PADDING + availableH / 2 + (d.y - midY) * scale,
      PADDING + r,
      height - PADDING - labelRoom - r,
    );
    // Label under the node, centred; near a side, aligned to stay inside the box.
    const halfText =
      Math.min(FORCE_LABEL_ROOM, estimateTextWidth(nodes[d.index]!.label, LABEL_FONT_SIZE)) / 2;
    const labelAnchor: LabelAnchor =
      x - halfText < PADDING ? 'start' : x + halfText > width - PADDING ? 'end' : 'middle';
    const labelX = labelAnchor === 'start' ? x - r : labelAnchor === 'end' ? x + r : x;
    return {
      x,
      y,
      labelX,
      labelY: y + r + LABEL_FONT_SIZE,
      labelAnchor,
      labelRoom: FORCE_LABEL_ROOM,
      labelEligible: true,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Bridge layout

const typeRank = (type: string): number => {
  const i = INSTITUTION_TYPE_ORDER.indexOf(type);
  return i < 0 ? INSTITUTION_TYPE_ORDER.length : i;
};

/**
 * Each city on its own side: with one or two cities, vertical columns (first city by name on the
 * left); with more, arcs of a circle, one sector per city. Within a city, institutions go by type
 * (contract order: government first), then by number of partnerships, then by name. A city with
 * more institutions than fit in one column (arc) gets further columns (rings) on its outer side.
 */
function bridgeLayout(
  nodes: readonly NetworkNode[],
  radii: readonly number[],
  degree: readonly number[],
  cities: readonly string[],
  width: number,
  height: number,
): Placement[] {
  const placements = new Array<Placement>(nodes.length);
  const members = cities.map((city) =>
    nodes
      .map((_, i) => i)
      .filter((i) => nodes[i]!.city === city)
      .sort(
        (a, b) =>
          typeRank(nodes[a]!.type) - typeRank(nodes[b]!.type) ||
          degree[b]! - degree[a]! ||
          compareStrings(nodes[a]!.label, nodes[b]!.label) ||
          compareStrings(nodes[a]!.id, nodes[b]!.id),
      ),
  );
  const gap = 4;

  if (cities.length <= 2) {
    // Room for labels beside the columns: the longest label, within a quarter of the width.
    const longest = Math.max(0, ...nodes.map((n) => estimateTextWidth(n.label, LABEL_FONT_SIZE)));
    const labelRoom = clamp(longest + 8, 40, width * 0.25);
    members.forEach((group, c) => {
      const side = cities.length === 1 ? 1 : c === 0 ? -1 : 1; // -1 left, +1 right
      const rMax = Math.max(0, ...group.map((i) => radii[i]!));
      const slot = 2 * rMax + gap;
      const available = height - 2 * PADDING;
      const perColumn = Math.max(1, Math.floor(available / slot));
      const columns = Math.ceil(group.length / perColumn);
      const rows = Math.min(group.length, perColumn);
      const baseX =
        cities.length === 1
          ? width / 2 - labelRoom / 2
          : side < 0
            ? PADDING + labelRoom + rMax
            : width - PADDING - labelRoom - rMax;
      // Extra columns step away from the labels' side (towards the middle), squeezed together if
      // they would cross the middle (or, for a single city, the left edge).
      const gutter = Math.max(gap, width * 0.08); // keeps the middle free for the links
      const room = cities.length === 1 ? baseX - PADDING - rMax : Math.abs(width / 2 - baseX) - rMax - gutter;
      const step = columns > 1 ? Math.min(slot, Math.max(0, room) / (columns - 1)) : 0;
      group.forEach((i, k) => {
        const column = Math.floor(k / perColumn);
        const row = k % perColumn;
        const inColumn = column < columns - 1 ? perColumn : group.length - column * perColumn;
        const x = baseX - side * column * step;
        const y = PADDING + (available * (row + 0.5)) / (column < columns - 1 ? rows : inColumn || 1);
        const r = radii[i]!;
        placements[i] = {
          x,
          y,
          labelX: x + side * (r + 4),
          labelY: y + LABEL_FONT_SIZE * 0.35,
          labelAnchor: side < 0 ? 'end' : 'start',
          labelRoom: labelRoom + rMax - r - 4,
          labelEligible: column === 0,
        };
      });
    });
    return placements;
  }

  // Three or more cities: sectors of a circle, sized by the number of institutions.
  const labelRoom = clamp(Math.min(width, height) * 0.18, 30, 160);
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.max(20, Math.min(width, height) / 2 - PADDING - labelRoom);
  const sectorGap = Math.min(0.25, (Math.PI * 0.5) / cities.length);
  const usable = 2 * Math.PI - sectorGap * cities.length;
  const total = Math.max(1, nodes.length);
  let start = -Math.PI; // first city starts on the left
  members.forEach((group) => {
    const arc = (usable * group.length) / total;
    const rMax = Math.max(0, ...group.map((i) => radii[i]!));
    const slot = 2 * rMax + gap;
    const perRing = Math.max(1, Math.floor((arc * radius) / slot));
    group.forEach((i, k) => {
      const ring = Math.floor(k / perRing);
      const inRing = Math.min(perRing, group.length - ring * perRing);
      const angle = start + (arc * ((k % perRing) + 0.5)) / inRing;
      const ringRadius = Math.max(rMax, radius - ring * slot); // further rings inwards
      const x = cx + ringRadius * Math.cos(angle);
      const y = cy + ringRadius * Math.sin(angle);
      const r = radii[i]!;
      const right = Math.cos(angle) >= 0;
      placements[i] = {
        x,
        y,
        labelX: cx + (radius + r + 4) * Math.cos(angle),
        labelY: cy + (radius + r + 4) * Math.sin(angle) + LABEL_FONT_SIZE * 0.35,
        labelAnchor: Math.abs(Math.cos(angle)) < 0.2 ? 'middle' : right ? 'start' : 'end',
        labelRoom,
        labelEligible: ring === 0,
      };
    });
    start += arc + sectorGap;
  });
  return placements;
}

interface Point {
  x: number;
  y: number;
  city: string;
}

/** Bridge links: cubic curves across the middle (two cities) or through the centre (more cities). */
function bridgePath(
  s: Point,
  t: Point,
  offset: number,
  cities: readonly string[],
  centre: { x: number; y: number },
) {
  const f = round2;
  if (cities.length <= 2) {
    if (s.city !== t.city) {
      const mx = f((s.x + t.x) / 2);
      return `M${s.x},${s.y}C${mx},${f(s.y + 2 * offset)} ${mx},${f(t.y + 2 * offset)} ${t.x},${t.y}`;
    }
    // Same city: a bow towards the middle, deeper for institutions further apart.
    const inward = s.x < centre.x ? 1 : -1;
    const bow = Math.min(120, Math.abs(t.y - s.y) * 0.35 + 12) + Math.abs(offset);
    return `M${s.x},${s.y}Q${f(s.x + inward * bow)},${f((s.y + t.y) / 2)} ${t.x},${t.y}`;
  }
  // Pull the control point towards the centre: strongly across cities, slightly within one.
  const pull = s.city === t.city ? 0.35 : 0.8;
  const qx = f((s.x + t.x) / 2 + (centre.x - (s.x + t.x) / 2) * pull + offset);
  const qy = f((s.y + t.y) / 2 + (centre.y - (s.y + t.y) / 2) * pull + offset);
  return `M${s.x},${s.y}Q${qx},${qy} ${t.x},${t.y}`;
}

/** A quadratic curve bent sideways by `offset` px, for partnerships that share both institutions. */
function bentPath(s: { x: number; y: number }, t: { x: number; y: number }, offset: number): string {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const qx = round2((s.x + t.x) / 2 - (dy / length) * offset * 2);
  const qy = round2((s.y + t.y) / 2 + (dx / length) * offset * 2);
  return `M${s.x},${s.y}Q${qx},${qy} ${t.x},${t.y}`;
}

/** Sideways offsets (px) for links between the same pair of institutions: 0 for a single link. */
function parallelOffsets(links: readonly NetworkLink[]): number[] {
  const groups = new Map<string, number[]>();
  links.forEach((l, i) => {
    const key = l.source < l.target ? `${l.source}\u0000${l.target}` : `${l.target}\u0000${l.source}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const offsets = new Array<number>(links.length).fill(0);
  for (const group of groups.values()) {
    group.forEach((i, k) => {
      // Offsets are relative to the pair's canonical direction, so reversed links bend consistently.
      const l = links[i]!;
      const sign = l.source < l.target ? 1 : -1;
      offsets[i] = sign * (k - (group.length - 1) / 2) * 10;
    });
  }
  return offsets;
}

// ---------------------------------------------------------------------------------------------------
// Labels

/** The label, shortened with an ellipsis to fit `room` px (never below a few characters). */
function shorten(label: string, room: number): string {
  if (estimateTextWidth(label, LABEL_FONT_SIZE) <= room) return label;
  const chars = [...label];
  let text = '';
  for (const ch of chars) {
    if (estimateTextWidth(`${text}${ch}…`, LABEL_FONT_SIZE) > room && text.length >= 3) break;
    text += ch;
  }
  return `${text.trimEnd()}…`;
}

/**
 * Which nodes get a label: all of them up to 40 nodes; otherwise, in order of importance (size,
 * partnerships, betweenness), those whose label box doesn't overlap one already placed, up to 40.
 */
function chooseLabels(
  nodes: readonly NetworkNode[],
  radii: readonly number[],
  degree: readonly number[],
  centrality: Float64Array,
  placements: ReadonlyArray<Placement & { labelText: string }>,
  width: number,
  height: number,
): boolean[] {
  const n = nodes.length;
  if (n <= LABEL_ALL_UP_TO) return new Array<boolean>(n).fill(true);
  const visible = new Array<boolean>(n).fill(false);
  const rMax = Math.max(1, ...radii);
  const degreeMax = Math.max(1, ...degree);
  const score = (i: number) => radii[i]! / rMax + degree[i]! / degreeMax + centrality[i]!;
  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => score(b) - score(a) || compareStrings(nodes[a]!.id, nodes[b]!.id));
  const placed: Array<[number, number, number, number]> = [];
  for (const i of order) {
    if (placed.length >= LABEL_ALL_UP_TO) break;
    const p = placements[i]!;
    if (!p.labelEligible) continue;
    const w = estimateTextWidth(p.labelText, LABEL_FONT_SIZE);
    const x0 =
      p.labelAnchor === 'start' ? p.labelX : p.labelAnchor === 'end' ? p.labelX - w : p.labelX - w / 2;
    const box: [number, number, number, number] = [x0, p.labelY - LABEL_FONT_SIZE, x0 + w, p.labelY + 3];
    if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) continue;
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    placed.push(box);
    visible[i] = true;
  }
  return visible;
}
