/**
 * The network's force layout, deterministic and resumable: the server runs it to the end inside
 * `networkModel`; a Web Worker (`layout.worker.ts`) runs the very same code a few ticks at a time for
 * large graphs drawn on canvas, posting positions as it goes. Same input → same positions, wherever
 * it runs.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { Simulation, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { clamp, lcg } from '../number.js';

export interface ForceNode {
  /** Radius of the disc, px. */
  r: number;
  city: string;
  /** Number of partnerships; institutions without any are held closer to the centre. */
  degree: number;
}

/** Space kept free between the nodes and the edges of the box, px (labels go there). */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ForceInput {
  nodes: readonly ForceNode[];
  /** Node index pairs. */
  edges: ReadonlyArray<readonly [number, number]>;
  /** Cities, sorted: each starts in its own sector, so cities tend to stay apart. */
  cities: readonly string[];
  width: number;
  height: number;
  seed: number;
  /** Tick budget. */
  ticks: number;
  margins: Margins;
  /**
   * Room each node's label needs around it, box px (about half its width). When given, the layout
   * ends with a few more ticks in which nodes keep that far apart, so labels have space between
   * neighbours. For small graphs where every node is labelled.
   */
  labelRadii?: readonly number[];
}

export interface ForceRun {
  /** The tick budget. */
  readonly ticks: number;
  /** Ticks run so far. */
  readonly done: number;
  /** Runs up to `count` more ticks (never past the budget); true once the budget is spent. */
  step(count: number): boolean;
  /** Current positions fitted to the box, `[x0, y0, x1, y1, …]` in viewBox px. */
  positions(): Float64Array;
  /** Holds node `i` at a point of the box (viewBox px) while the layout goes on, until released. */
  pin(i: number, x: number, y: number): void;
  release(i: number): void;
}

interface LayoutNode extends SimulationNodeDatum {
  index: number;
  r: number;
  x: number;
  y: number;
}

/** Largest enlargement when a small layout is fitted to the box: beyond it, links look stretched. */
const MAX_SCALE = 2.5;
/** Largest ratio between the horizontal and vertical scale of the fit (the layout may stretch a little to fill a wide box). */
const MAX_STRETCH = 1.5;

/**
 * Prepares a force simulation: initial positions come from the node order and a seeded generator
 * (phyllotaxis within each city's sector, plus jitter), the simulation's random source is the same
 * seeded generator (https://d3js.org/d3-force/simulation#simulation_randomSource), and it is stopped
 * and stepped by hand, its alpha decay set so it cools within the tick budget.
 */
export function forceRun(input: ForceInput): ForceRun {
  const { nodes, edges, cities, width, height, seed, labelRadii } = input;
  const main = Math.max(0, Math.floor(input.ticks));
  // Label room: a third more ticks at the end, with collision radii that include the labels.
  const extra = labelRadii && main > 0 ? Math.ceil(main / 3) : 0;
  const ticks = main + extra;
  const n = nodes.length;
  const random = lcg(seed);
  // Typical distance between neighbours if the nodes filled the box evenly.
  const spacing = clamp(Math.sqrt((width * height) / Math.max(1, n)) * 0.6, 8, 90);
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
      r: node.r,
      x: cx + rho * Math.cos(theta) + (random() - 0.5) * spacing,
      y: cy + rho * Math.sin(theta) + (random() - 0.5) * spacing,
    };
  });
  const simLinks: Array<SimulationLinkDatum<LayoutNode>> = edges.map(([a, b]) => ({ source: a, target: b }));

  const aspect = width / height;
  const gravity = (d: LayoutNode) => (nodes[d.index]!.degree === 0 ? 0.15 : 0.05);
  const simulation: Simulation<LayoutNode, undefined> = forceSimulation<LayoutNode>(simNodes)
    .randomSource(random)
    .alphaDecay(main > 0 ? 1 - Math.pow(0.001, 1 / main) : 0.0228)
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
  const collideFrom = n > 500 ? Math.floor((main * 2) / 3) : 0;

  let done = 0;
  let fit: Fit = { sx: 1, sy: 1, tx: 0, ty: 0 };
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const radii = Float64Array.from(nodes, (d) => d.r);

  function fitted(): Float64Array {
    for (let i = 0; i < n; i++) {
      xs[i] = simNodes[i]!.x;
      ys[i] = simNodes[i]!.y;
    }
    const result = fitToBox(xs, ys, radii, { width, height, margins: input.margins });
    fit = result.fit;
    return result.positions;
  }

  return {
    ticks,
    get done() {
      return done;
    },
    step(count) {
      const end = Math.min(ticks, done + Math.max(0, Math.floor(count)));
      for (; done < end; done++) {
        if (done === collideFrom) simulation.force('collide', collide);
        if (done === main && labelRadii) {
          // Label radii are box px: in simulation units at the current fit.
          fitted();
          const scale = Math.max(0.01, (fit.sx + fit.sy) / 2);
          simulation
            .force(
              'collide',
              forceCollide<LayoutNode>((d) =>
                Math.max(d.r + 2, (labelRadii[d.index] ?? 0) / scale),
              ).iterations(2),
            )
            .alpha(0.25)
            .alphaDecay(1 - Math.pow(0.01, 1 / extra));
        }
        simulation.tick();
      }
      return done >= ticks;
    },
    positions: fitted,
    pin(i, x, y) {
      const d = simNodes[i];
      if (!d) return;
      d.fx = (x - fit.tx) / fit.sx;
      d.fy = (y - fit.ty) / fit.sy;
    },
    release(i) {
      const d = simNodes[i];
      if (!d) return;
      d.fx = null;
      d.fy = null;
    },
  };
}

/** Runs a force layout to the end of its budget: positions fitted to the box, `[x0, y0, …]`. */
export function forceLayout(input: ForceInput): Float64Array {
  const run = forceRun(input);
  run.step(run.ticks);
  return run.positions();
}

/** Box coordinates = simulation coordinates × (sx, sy) + (tx, ty). */
export interface Fit {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

/**
 * Scales and centres a layout so that it fills the box inside the margins: uniformly at first, then
 * stretched along the roomier axis (up to 1.5×), and never enlarged past 2.5× (a tiny graph shouldn't
 * turn into a few dots at the corners). On large graphs the extreme 0.5% on each side is left out of
 * the bounds, so one far-flung institution doesn't shrink the rest; every disc is then clamped inside.
 */
export function fitToBox(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  radii: ArrayLike<number>,
  box: { width: number; height: number; margins: Margins },
): { positions: Float64Array; fit: Fit } {
  const n = xs.length;
  const { width, height, margins } = box;
  const positions = new Float64Array(2 * n);
  if (n === 0) return { positions, fit: { sx: 1, sy: 1, tx: 0, ty: 0 } };
  const [minX, maxX] = extent(xs, radii);
  const [minY, maxY] = extent(ys, radii);
  const left = margins.left;
  const top = margins.top;
  const availableW = Math.max(1, width - margins.left - margins.right);
  const availableH = Math.max(1, height - margins.top - margins.bottom);
  const spanX = Math.max(1, maxX - minX);
  const spanY = Math.max(1, maxY - minY);
  const uniform = Math.min(MAX_SCALE, availableW / spanX, availableH / spanY);
  const sx = Math.min(MAX_SCALE, uniform * MAX_STRETCH, availableW / spanX);
  const sy = Math.min(MAX_SCALE, uniform * MAX_STRETCH, availableH / spanY);
  const tx = left + availableW / 2 - ((minX + maxX) / 2) * sx;
  const ty = top + availableH / 2 - ((minY + maxY) / 2) * sy;
  for (let i = 0; i < n; i++) {
    const r = radii[i]!;
    positions[2 * i] = clamp(xs[i]! * sx + tx, left + r, left + availableW - r);
    positions[2 * i + 1] = clamp(ys[i]! * sy + ty, top + r, top + availableH - r);
  }
  return { positions, fit: { sx, sy, tx, ty } };
}

/** Extent of discs along one axis; past 200 nodes, the outer 0.5% on each side is left out. */
function extent(values: ArrayLike<number>, radii: ArrayLike<number>): [number, number] {
  const n = values.length;
  if (n <= 200) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, values[i]! - radii[i]!);
      hi = Math.max(hi, values[i]! + radii[i]!);
    }
    return [lo, hi];
  }
  const lows = Float64Array.from({ length: n }, (_, i) => values[i]! - radii[i]!).sort();
  const highs = Float64Array.from({ length: n }, (_, i) => values[i]! + radii[i]!).sort();
  const cut = Math.floor(n * 0.005);
  return [lows[cut]!, highs[n - 1 - cut]!];
}
