/**
 * The network chart's model: institutions as nodes, partnerships as links, laid out either by a
 * deterministic force simulation or as a "bridge" (each city on its own side, cooperation across the
 * middle). The result is plain serialisable data, rounded to 2 decimals, that `NetworkGraph.svelte`
 * only draws — on the server, in the browser, or into an SVG/PNG export, identically.
 *
 * Two steps: `networkScene` works out everything but the positions (sizes, colours, link styles,
 * degree and betweenness, legend); `networkModel` adds the layout, labels and link geometry. Large
 * graphs ship only the scene to the browser, where a Web Worker lays it out and a canvas draws it.
 */
import { max } from 'd3-array';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import {
  categoryColors,
  compareStrings,
  fixedCategoryColors,
  INSTITUTION_TYPE_COLORS,
  INSTITUTION_TYPE_ORDER,
  type CategoryColor,
} from '../palette.js';
import { clamp, round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { betweenness } from './betweenness.js';
import { forceLayout, type ForceInput, type Margins } from './force.js';
import {
  chooseLabels,
  importanceOrder,
  placeForceLabels,
  LINE_HEIGHT,
  wrapLabel,
  type LabelAnchor,
  type LabelSpot,
} from './labels.js';
import { PARTNERSHIP_STATUSES } from '@puente/data/schema';

export type { LabelAnchor } from './labels.js';

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
  /**
   * False for an institution outside the filters, shown only because a partnership in view reaches
   * it: drawn hollow, as context. Default true.
   */
  matched?: boolean;
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
  /**
   * Font size of the node labels, in viewBox px. The SVG scales down with its container, so the
   * default grows with the viewBox width (11 up to 690 px wide, 16 from 960), which keeps labels
   * readable when a wide chart is shown in a narrow column or on a 768 px tablet.
   */
  labelSize?: number;
}

export interface NetworkSceneNode extends Omit<NetworkNode, 'matched'> {
  r: number;
  color: string;
  /** Number of partnerships (drawn links) of this institution. */
  degree: number;
  /** Betweenness centrality, normalised 0..1 (Brandes, unweighted, undirected). */
  betweenness: number;
  /** Outside the filters, shown as a partner of an institution inside (see `NetworkNode.matched`). */
  context: boolean;
}

export interface NetworkSceneLink extends NetworkLink {
  milestonesDone: number;
  width: number;
  /** `stroke-dasharray`, or null for a solid line. */
  dash: string | null;
  linecap: 'butt' | 'round';
  stroke: string;
  opacity: number;
  /** Sideways offset, px, that bends links sharing both institutions apart (0 for a single one). */
  bend: number;
}

export interface NetworkModelNode extends NetworkSceneNode {
  x: number;
  y: number;
  /** Whether the chart labels this node (all up to 40 nodes; otherwise the larger, best-connected ones that fit). */
  labelVisible: boolean;
  /** The label as drawn: shortened with an ellipsis when it wouldn't fit (the full label is in `label`). */
  labelText: string;
  /** `labelText` broken into the lines drawn (one or two), the first at (labelX, labelY). */
  labelLines: string[];
  labelX: number;
  labelY: number;
  labelAnchor: LabelAnchor;
}

export interface NetworkModelLink extends NetworkSceneLink {
  /** Labels of the two institutions, for tooltips and text alternatives. */
  sourceLabel: string;
  targetLabel: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path: a straight line, or a curve for parallel links and the bridge layout. */
  path: string;
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
  /** Whether some institutions are drawn hollow, as context outside the filters. */
  context?: boolean;
}

/** Everything about the chart but where things go. */
export interface NetworkScene {
  width: number;
  height: number;
  layout: 'force' | 'bridge';
  colorBy: 'city' | 'type';
  seed: number;
  /**
   * Tick budget of the force simulation (0 for the bridge layout); graphs small enough to label every
   * node run a third more to make room for the labels (see `ForceInput.labelRadii`).
   */
  ticks: number;
  /** Font size of node labels, viewBox px. */
  labelSize: number;
  /** Cities, sorted (left to right in the bridge layout). */
  cities: string[];
  /** Sorted by id. */
  nodes: NetworkSceneNode[];
  /** Sorted by id; `source` and `target` are node ids. */
  links: NetworkSceneLink[];
  legend: NetworkLegendModel;
  /** Links left out: an endpoint missing from the nodes, a self-loop, or a repeated id. */
  droppedLinks: number;
  /** Nodes left out because their id repeats an earlier node's. */
  droppedNodes: number;
  summary: { institutions: number; partnerships: number; cities: number; trained: number };
}

/** A city's name over its column in the bridge layout. */
export interface NetworkHeading {
  text: string;
  x: number;
  y: number;
  anchor: LabelAnchor;
}

export interface NetworkModel extends NetworkScene {
  nodes: NetworkModelNode[];
  links: NetworkModelLink[];
  /** City names over the columns of the bridge layout (one or two cities); empty otherwise. */
  headings: NetworkHeading[];
}

/** Pipeline order of partnership statuses; paused and cancelled sit aside, at the end. */
export const PARTNERSHIP_STATUS_ORDER: readonly string[] = PARTNERSHIP_STATUSES;

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
const PADDING = 8;
/** Longest line of a label in the force layout, in em (about 30 Latin characters). */
const FORCE_LABEL_EM = 17;

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

/**
 * Tick budget in the browser, where a Web Worker lays out large graphs while the page shows them
 * settling: 240 up to 2,000 nodes (more than the server affords), then fewer as graphs grow, for about
 * the same total work (a tick of 20,000 nodes takes about 0.2 s there; 240 of them took minutes), and
 * never fewer than the server's budget.
 */
export function browserTicks(nodeCount: number): number {
  return Math.max(defaultTicks(nodeCount), Math.round((240 * 2000) / Math.max(2000, nodeCount)));
}

/** How much links are faded in a graph of this many links, so a large graph doesn't turn into a dark mat. */
export function linkFade(linkCount: number): number {
  return clamp(Math.sqrt(200 / Math.max(1, linkCount)), 0.35, 1);
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

  const sceneNodes: NetworkSceneNode[] = nodes.map((n, i) => ({
    id: n.id,
    label: n.label,
    city: n.city,
    country: n.country,
    type: n.type,
    trained: n.trained,
    r: round2(radius(Math.max(0, n.trained || 0))),
    color: palette.colorOf(colorBy === 'type' ? n.type : n.city),
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
      id: l.id,
      source: l.source,
      target: l.target,
      status: l.status,
      area: l.area,
      milestones: l.milestones,
      milestonesDone: l.milestonesDone ?? 0,
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
    sizes: sizeSamples(maxTrained, radius),
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
    summary: {
      institutions: nodes.length,
      partnerships: links.length,
      cities: cities.length,
      trained: nodes.reduce((sum, n) => sum + Math.max(0, n.trained || 0), 0),
    },
  };
}

/**
 * Builds the network chart's model. Pure and deterministic: the same data, options and seed give a
 * deep-equal model on every machine (node and link order in the input doesn't matter either).
 */
export function networkModel(data: NetworkData, options: NetworkOptions): NetworkModel {
  const scene = networkScene(data, options);
  return modelFromScene(scene, scenePositions(scene));
}

/** Node index pairs of the scene's links. */
export function sceneEdges(scene: Pick<NetworkScene, 'nodes' | 'links'>): Array<[number, number]> {
  const indexOf = new Map(scene.nodes.map((n, i) => [n.id, i]));
  return scene.links.map((l) => [indexOf.get(l.source) ?? 0, indexOf.get(l.target) ?? 0]);
}

/** Whether every node of a scene gets a label. */
const labelsAll = (scene: Pick<NetworkScene, 'nodes'>) => scene.nodes.length <= LABEL_ALL_UP_TO;

/** Input of the force layout for a scene (what the Web Worker receives for large graphs). */
export function forceInput(scene: NetworkScene, ticks: number = scene.ticks): ForceInput {
  const f = scene.labelSize;
  return {
    // Small graphs label every node: keep nodes apart by most of their label's longest line (not all:
    // labels may go above, below or to either side). 0.7 gave the fewest collisions on the sample
    // programme in three languages and two box sizes.
    labelRadii: labelsAll(scene)
      ? scene.nodes.map(
          (n) =>
            0.7 *
            Math.max(...wrapLabel(n.label, FORCE_LABEL_EM * f, f, 2).map((l) => estimateTextWidth(l, f))),
        )
      : undefined,
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

/** Node positions of a scene by its layout, `[x0, y0, x1, y1, …]`, unrounded. */
export function scenePositions(scene: NetworkScene): Float64Array {
  if (scene.layout === 'bridge') {
    const { placements } = bridgeLayout(scene);
    return Float64Array.from(placements.flatMap((p) => [p.x, p.y]));
  }
  return forceLayout(forceInput(scene));
}

/**
 * The model of a scene laid out at the given positions: labels placed, links drawn, all rounded.
 * (`networkModel` is `modelFromScene(scene, scenePositions(scene))`.)
 */
export function modelFromScene(scene: NetworkScene, positions: ArrayLike<number>): NetworkModel {
  const { width, height, labelSize: f } = scene;
  const n = scene.nodes.length;
  const xs = Array.from({ length: n }, (_, i) => round2(positions[2 * i] ?? width / 2));
  const ys = Array.from({ length: n }, (_, i) => round2(positions[2 * i + 1] ?? height / 2));
  const edges = sceneEdges(scene);
  const order = importanceOrder(
    scene.nodes.map((d) => d.id),
    scene.nodes.map((d) => d.r),
    scene.nodes.map((d) => d.degree),
    scene.nodes.map((d) => d.betweenness),
  );
  const labelAll = labelsAll(scene);

  let labels: Array<{ visible: boolean; lines: string[]; x: number; y: number; anchor: LabelAnchor }>;
  let headings: NetworkHeading[] = [];
  if (scene.layout === 'bridge') {
    // Labels keep their place relative to the node, wherever the node is.
    const bridge = bridgeLayout(scene);
    headings = bridge.headings;
    const spots = bridge.placements.map((p, i) => {
      const lines = wrapLabel(scene.nodes[i]!.label, p.labelRoom, f, p.labelLines);
      const w = Math.max(...lines.map((line) => estimateTextWidth(line, f)));
      const extra = (lines.length - 1) * LINE_HEIGHT * f;
      const lx = xs[i]! + p.labelX - p.x;
      const ly = ys[i]! + p.labelY - p.y - extra / 2;
      const x0 = p.labelAnchor === 'start' ? lx : p.labelAnchor === 'end' ? lx - w : lx - w / 2;
      const spot: LabelSpot = {
        x: lx,
        y: ly,
        anchor: p.labelAnchor,
        box: [x0, ly - f * 0.84, x0 + w, ly + extra + f * 0.24],
      };
      return { lines, spot, eligible: p.labelEligible };
    });
    const visible = chooseLabels(
      spots.map((s) => (s.eligible ? s.spot : null)),
      order,
      width,
      height,
      labelAll,
      LABEL_ALL_UP_TO,
    );
    labels = spots.map((s, i) => ({
      visible: visible[i]!,
      lines: s.lines,
      x: s.spot.x,
      y: s.spot.y,
      anchor: s.spot.anchor,
    }));
  } else {
    // Long names (common for institutions) take two lines rather than being cut short.
    const texts = scene.nodes.map((d) => wrapLabel(d.label, FORCE_LABEL_EM * f, f, 2));
    const placed = placeForceLabels({
      nodes: scene.nodes.map((d, i) => ({ x: xs[i]!, y: ys[i]!, r: d.r, lines: texts[i]! })),
      segments: edges.map(([a, b]) => [xs[a]!, ys[a]!, xs[b]!, ys[b]!] as const),
      order,
      width,
      height,
      fontSize: f,
      labelAll,
      limit: LABEL_ALL_UP_TO,
    });
    labels = placed.map((p, i) => ({ ...p, lines: texts[i]! }));
  }

  const nodes: NetworkModelNode[] = scene.nodes.map((d, i) => {
    const label = labels[i]!;
    return {
      ...d,
      x: xs[i]!,
      y: ys[i]!,
      labelVisible: label.visible,
      labelText: label.lines.join(' '),
      labelLines: label.lines,
      labelX: round2(label.x),
      labelY: round2(label.y),
      labelAnchor: label.anchor,
    };
  });
  const centre = { x: width / 2, y: height / 2 };
  const links: NetworkModelLink[] = scene.links.map((l, i) => {
    const [a, b] = edges[i]!;
    const s = nodes[a]!;
    const t = nodes[b]!;
    return {
      ...l,
      sourceLabel: s.label,
      targetLabel: t.label,
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      path: curvePath(s, t, linkCurve(s, t, l.bend, scene.layout, scene.cities.length, centre)),
    };
  });
  return { ...scene, nodes, links, headings };
}

/**
 * The model with one node moved (dragged): its label follows, its links are redrawn. Returns a new
 * model; the rest is shared with the old one.
 */
export function moveNode(model: NetworkModel, id: string, x: number, y: number): NetworkModel {
  const index = model.nodes.findIndex((n) => n.id === id);
  if (index < 0) return model;
  const old = model.nodes[index]!;
  const nx = round2(clamp(x, old.r, model.width - old.r));
  const ny = round2(clamp(y, old.r, model.height - old.r));
  const node: NetworkModelNode = {
    ...old,
    x: nx,
    y: ny,
    labelX: round2(old.labelX + nx - old.x),
    labelY: round2(old.labelY + ny - old.y),
  };
  const nodes = model.nodes.slice();
  nodes[index] = node;
  const byId = new Map<string, NetworkModelNode>([[id, node]]);
  const find = (key: string) => byId.get(key) ?? nodes.find((n) => n.id === key)!;
  const centre = { x: model.width / 2, y: model.height / 2 };
  const links = model.links.map((l) => {
    if (l.source !== id && l.target !== id) return l;
    const s = find(l.source);
    const t = find(l.target);
    const curve = linkCurve(s, t, l.bend, model.layout, model.cities.length, centre);
    return { ...l, x1: s.x, y1: s.y, x2: t.x, y2: t.y, path: curvePath(s, t, curve) };
  });
  return { ...model, nodes, links };
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
// Link geometry

/** A link's shape: straight, a quadratic curve (control point q) or a cubic one (c1, c2). */
export type LinkCurve =
  | { kind: 'line' }
  | { kind: 'quad'; qx: number; qy: number }
  | { kind: 'cubic'; c1x: number; c1y: number; c2x: number; c2y: number };

interface Point {
  x: number;
  y: number;
  city: string;
}

/**
 * How a link is drawn. Force layout: straight, or bent sideways by `bend` px when partnerships share
 * both institutions. Bridge layout: across the middle (two cities) or through the centre (more).
 * Control points are rounded, so paths are stable strings.
 */
export function linkCurve(
  s: Point,
  t: Point,
  bend: number,
  layout: 'force' | 'bridge',
  cityCount: number,
  centre: { x: number; y: number },
): LinkCurve {
  const f = round2;
  if (layout === 'bridge') {
    if (cityCount <= 2) {
      if (s.city !== t.city) {
        const mx = f((s.x + t.x) / 2);
        return { kind: 'cubic', c1x: mx, c1y: f(s.y + 2 * bend), c2x: mx, c2y: f(t.y + 2 * bend) };
      }
      // Same city: a bow towards the middle, deeper for institutions further apart.
      const inward = s.x < centre.x ? 1 : -1;
      const bow = Math.min(120, Math.abs(t.y - s.y) * 0.35 + 12) + Math.abs(bend);
      return { kind: 'quad', qx: f(s.x + inward * bow), qy: f((s.y + t.y) / 2) };
    }
    // Pull the control point towards the centre: strongly across cities, slightly within one.
    const pull = s.city === t.city ? 0.35 : 0.8;
    return {
      kind: 'quad',
      qx: f((s.x + t.x) / 2 + (centre.x - (s.x + t.x) / 2) * pull + bend),
      qy: f((s.y + t.y) / 2 + (centre.y - (s.y + t.y) / 2) * pull + bend),
    };
  }
  if (bend === 0) return { kind: 'line' };
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  return {
    kind: 'quad',
    qx: f((s.x + t.x) / 2 - (dy / length) * bend * 2),
    qy: f((s.y + t.y) / 2 + (dx / length) * bend * 2),
  };
}

/** The SVG path of a link curve from s to t. */
export function curvePath(
  s: { x: number; y: number },
  t: { x: number; y: number },
  curve: LinkCurve,
): string {
  switch (curve.kind) {
    case 'line':
      return `M${s.x},${s.y}L${t.x},${t.y}`;
    case 'quad':
      return `M${s.x},${s.y}Q${curve.qx},${curve.qy} ${t.x},${t.y}`;
    case 'cubic':
      return `M${s.x},${s.y}C${curve.c1x},${curve.c1y} ${curve.c2x},${curve.c2y} ${t.x},${t.y}`;
  }
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
      offsets[i] = round2(sign * (k - (group.length - 1) / 2) * 10) || 0;
    });
  }
  return offsets;
}

// ---------------------------------------------------------------------------------------------------
// Bridge layout

interface Placement {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  labelAnchor: LabelAnchor;
  /** Room for the label's text, px; longer labels wrap (up to `labelLines`) or are shortened. */
  labelRoom: number;
  /** Lines the label may take: two where the rows are far enough apart. */
  labelLines: number;
  /** False where a label would sit among other nodes (inner columns and rings). */
  labelEligible: boolean;
}

const typeRank = (type: string): number => {
  const i = INSTITUTION_TYPE_ORDER.indexOf(type);
  return i < 0 ? INSTITUTION_TYPE_ORDER.length : i;
};

/**
 * Each city on its own side: with one or two cities, vertical columns (first city by name on the
 * left); with more, arcs of a circle, one sector per city. Within a city, institutions go by type
 * (contract order: government first), then by number of partnerships, then by name. A city with
 * more institutions than fit in one column (arc) gets further columns (rings) on its inner side.
 */
function bridgeLayout(scene: NetworkScene): { placements: Placement[]; headings: NetworkHeading[] } {
  const { nodes, cities, width, height, labelSize: f } = scene;
  const placements = new Array<Placement>(nodes.length);
  const headings: NetworkHeading[] = [];
  const members = cities.map((city) =>
    nodes
      .map((_, i) => i)
      .filter((i) => nodes[i]!.city === city)
      .sort(
        (a, b) =>
          typeRank(nodes[a]!.type) - typeRank(nodes[b]!.type) ||
          nodes[b]!.degree - nodes[a]!.degree ||
          compareStrings(nodes[a]!.label, nodes[b]!.label) ||
          compareStrings(nodes[a]!.id, nodes[b]!.id),
      ),
  );
  const gap = 4;

  if (cities.length <= 2) {
    // Room for labels beside the columns: the longest label, within 30% of the width.
    const longest = Math.max(0, ...nodes.map((n) => estimateTextWidth(n.label, f)));
    const labelRoom = clamp(longest + 8, 40, width * 0.3);
    // A band at the top for the cities' names.
    const top = PADDING + f * 2;
    members.forEach((group, c) => {
      const side = cities.length === 1 ? 1 : c === 0 ? -1 : 1; // -1 left, +1 right
      const rMax = Math.max(0, ...group.map((i) => nodes[i]!.r));
      // Rows at least a line of text apart, so the labels beside the column don't collide.
      const slot = Math.max(2 * rMax + gap, f * 1.35);
      const available = height - top - PADDING;
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
      const step = columns > 1 ? Math.min(2 * rMax + gap, Math.max(0, room) / (columns - 1)) : 0;
      // Two-line labels where the rows of the outer column are far enough apart.
      const labelLines = available / Math.max(1, rows) >= f * 2.6 ? 2 : 1;
      group.forEach((i, k) => {
        const column = Math.floor(k / perColumn);
        const row = k % perColumn;
        const inColumn = column < columns - 1 ? perColumn : group.length - column * perColumn;
        const x = baseX - side * column * step;
        const y = top + (available * (row + 0.5)) / (column < columns - 1 ? rows : inColumn || 1);
        const r = nodes[i]!.r;
        placements[i] = {
          x,
          y,
          labelX: x + side * (r + 4),
          labelY: y + f * 0.35,
          labelAnchor: side < 0 ? 'end' : 'start',
          labelRoom: labelRoom + rMax - r - 4,
          labelLines,
          labelEligible: column === 0,
        };
      });
      // The city's name over its column, aligned with the column's outer edge.
      headings.push({
        text: cities[c]!,
        x: round2(side < 0 ? baseX + rMax : baseX - rMax),
        y: round2(PADDING + f * 1.1),
        anchor: side < 0 ? 'end' : 'start',
      });
    });
    return { placements, headings };
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
    const rMax = Math.max(0, ...group.map((i) => nodes[i]!.r));
    const slot = 2 * rMax + gap;
    const perRing = Math.max(1, Math.floor((arc * radius) / slot));
    group.forEach((i, k) => {
      const ring = Math.floor(k / perRing);
      const inRing = Math.min(perRing, group.length - ring * perRing);
      const angle = start + (arc * ((k % perRing) + 0.5)) / inRing;
      const ringRadius = Math.max(rMax, radius - ring * slot); // further rings inwards
      const x = cx + ringRadius * Math.cos(angle);
      const y = cy + ringRadius * Math.sin(angle);
      const r = nodes[i]!.r;
      const right = Math.cos(angle) >= 0;
      placements[i] = {
        x,
        y,
        labelX: cx + (radius + r + 4) * Math.cos(angle),
        labelY: cy + (radius + r + 4) * Math.sin(angle) + f * 0.35,
        labelAnchor: Math.abs(Math.cos(angle)) < 0.2 ? 'middle' : right ? 'start' : 'end',
        labelRoom,
        labelLines: 1,
        labelEligible: ring === 0,
      };
    });
    start += arc + sectorGap;
  });
  return { placements, headings };
}
