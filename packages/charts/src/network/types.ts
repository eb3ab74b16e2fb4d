/**
 * The network chart's data types: what goes in (institutions and partnerships), the scene (everything but
 * positions) and the laid-out model that `NetworkGraph.svelte` draws.
 */
import type { InstitutionType, PartnershipArea, PartnershipStatus } from '@puente/data/schema';
import type { CategoryColor, ColorMap } from '../palette.js';
import type { LabelAnchor } from './labels.js';

export type { LabelAnchor } from './labels.js';

/** An institution. */
export interface NetworkNode {
  id: string;
  label: string;
  /** The `lang` of `label` when it is not in the page's language (a name shown untranslated); '' for unknown. */
  labelLang?: string;
  city: string;
  country: string;
  type: InstitutionType;
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
  /** Drives the dash pattern (see `PARTNERSHIP_STATUS_STYLES`). */
  status: PartnershipStatus;
  area: PartnershipArea;
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
  colorBy?: ColorBy;
  /**
   * The colour of each value of the `colorBy` dimension over the whole programme (see `domainColors`), so a city
   * keeps its colour under every filter and on every page. Without it, colours are assigned over the nodes given.
   * Institution types always have their fixed colours.
   */
  colors?: ColorMap;
  /** What a circle's area shows: people trained (default) or partnerships. */
  sizeBy?: SizeBy;
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
  /** Set when no free spot was left and the label crosses a partnership: it is drawn on a plate to stay readable. */
  labelOnLine?: true;
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
  key: PartnershipStatus;
  /** `stroke-dasharray` at the legend's stroke width (2). */
  dash: string | null;
  linecap: 'butt' | 'round';
  stroke: string;
  opacity: number;
  width: number;
}

/** What a node's size encodes: people trained, or the number of its partnerships. */
export type SizeBy = 'trained' | 'partnerships';

/** What node colour encodes: the institution's city, its country (many cities) or its type. */
export type ColorBy = 'city' | 'country' | 'type';

export interface NetworkLegendModel {
  colorBy: ColorBy;
  colors: CategoryColor[];
  /** Statuses present in the data, in pipeline order. */
  statuses: NetworkLegendStatus[];
  /** What the sizes show. */
  sizeBy: SizeBy;
  /** A few reference sizes: people trained (or partnerships) → radius. */
  sizes: Array<{ value: number; r: number }>;
  /** Whether some institutions are drawn hollow, as context outside the filters. */
  context?: boolean;
}

/** Everything about the chart but where things go. */
export interface NetworkScene {
  width: number;
  height: number;
  layout: 'force' | 'bridge';
  colorBy: ColorBy;
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
  /** Betweenness was estimated from this many pivot institutions; null when it is exact. */
  betweennessPivots: number | null;
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
