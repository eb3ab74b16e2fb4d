/**
 * Draws a network scene on a 2D canvas: for graphs too large for SVG (thousands of institutions),
 * where one element per node and link would make the page slow. Same look as `NetworkGraph.svelte`:
 * links by status (dash) and milestones (width), discs by colour and size, hollow context nodes,
 * rings for marks and the selection, and labels for the most important nodes that fit, kept at a
 * constant size on screen whatever the zoom.
 *
 * What keeps it fast at tens of thousands of items (rasterising, not JavaScript, is what costs):
 * - only what lies in the region drawn is drawn, found with a `SpatialIndex` rebuilt when the layout
 *   moves (`SceneGeometry`), not per frame;
 * - one path per look (colour and fill for nodes, status and width for links), not one per item;
 * - level of detail, by size on screen: discs under 2 device px become squares, discs under 3 lose
 *   their white outline, links under 1.5 px are drawn 1 px wide (a hairline, many times cheaper to
 *   rasterise than a wider line), dash patterns too fine to see are drawn as solid lines of the same
 *   average ink, and straight links are cut to the region so a long dashed line isn't dashed off screen;
 * - nothing proportional to the graph is allocated while drawing (scratch arrays are reused).
 * `NetworkCanvas.svelte` also keeps the drawing as a bitmap layer (`layer.ts`), so a pan is a copy.
 */
import { FONT_FAMILY, INK } from '../palette.js';
import { estimateTextWidth } from '../text.js';
import { pickScreenLabels } from './canvas-labels.js';
import { shorten } from './labels.js';
import { linkCurve } from './links.js';
import type { NetworkScene } from './types.js';
import { SpatialIndex } from './spatial-index.js';
import type { Viewport } from './viewport.js';

/** What changes from frame to frame. Indices are node indices in `scene.nodes`. */
export interface CanvasFrame {
  /** `[x0, y0, x1, y1, …]`, viewBox units. */
  positions: ArrayLike<number>;
  viewport: Viewport;
  /** Nodes and links at full strength (the rest is dimmed); null when all are. */
  emphasis: Emphasis | null;
  /** Nodes and links drawn on top of everything (a node being dragged, with its links). */
  lifted?: Emphasis | null;
  marked: ReadonlySet<number>;
  selected: number;
  hovered: number;
  /** Node indices by importance: labels go to the first that fit. */
  order: readonly number[];
}

export interface Emphasis {
  /** Truthy for the nodes and links at full strength, by index. */
  nodes: ArrayLike<boolean | number>;
  links: ArrayLike<boolean | number>;
  /** The same as lists of indices, when known: drawing them then visits only those. */
  nodeIndices?: ArrayLike<number>;
  linkIndices?: ArrayLike<number>;
}

export interface CanvasSurface {
  /** CSS px per viewBox unit (the canvas's CSS width / the scene's width). */
  scale: number;
  /** Device pixels per CSS px. */
  pixelRatio: number;
  /** Size of the canvas in CSS px. */
  width: number;
  height: number;
}

/** A rectangle of the chart, viewBox units: `[x0, y0, x1, y1]`. */
export type Region = [number, number, number, number];

/** Alpha of what is not emphasised. */
export const DIMMED = 0.15;
const LABEL_PX = 12;
const LABEL_LIMIT = 30;
const LABEL_EM = 18;
/** Smallest disc on screen, CSS px of radius, that gets a label (unless hovered or selected). */
const LABEL_MIN_RADIUS = 3;
/** Discs smaller than this on screen, device px of radius, are drawn as squares of the same area. */
const SQUARE_BELOW = 2;
/** Discs from this size on screen, device px of radius, get a white outline that sets them apart. */
const OUTLINE_FROM = 3;
/** Links thinner than this on screen, device px, are drawn 1 px wide. */
const HAIRLINE_BELOW = 1.5;
/** Dash patterns repeating in fewer device px than this are drawn solid, at their average ink. */
const DASH_MIN_PERIOD = 5;
/** Just under a device pixel, so the rasteriser takes its hairline path (it does at ≤ 1 px). */
const HAIRLINE = 0.999;
const SQRT_PI = Math.sqrt(Math.PI);
/** Search marks in view past which their rings are drawn 1 px solid rather than dashed. */
const MANY_MARKS = 100;

// ---------------------------------------------------------------------------------------------------
// What things look like

export interface NodeLook {
  color: string;
  /** Hollow: outside the filters, shown as a partner of an institution inside. */
  context: boolean;
}

export interface LinkLook {
  stroke: string;
  /** viewBox units. */
  width: number;
  /** Dash pattern, viewBox units; null for solid. */
  dash: number[] | null;
  linecap: CanvasLineCap;
  opacity: number;
}

/**
 * A scene as the painter reads it: per node and link, numbers in typed arrays and an index into a
 * short table of looks, in drawing order. Built once per scene; plain data, so it can be posted to the
 * layer worker.
 */
export interface PaintScene {
  width: number;
  height: number;
  layout: NetworkScene['layout'];
  cities: string[];
  /** Index in `cities`. */
  nodeCity: Int32Array;
  radius: Float64Array;
  nodeLook: Uint16Array;
  nodeLooks: NodeLook[];
  source: Int32Array;
  target: Int32Array;
  bend: Float64Array;
  linkLook: Uint16Array;
  linkLooks: LinkLook[];
}

export function paintScene(
  scene: Pick<NetworkScene, 'nodes' | 'links' | 'layout' | 'cities' | 'width' | 'height'>,
): PaintScene {
  const { nodes, links } = scene;
  const cityIndex = new Map(scene.cities.map((c, i) => [c, i]));
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  // Looks sorted by key, so batches are drawn in the same order whatever the data's order.
  const nodeKey = (n: (typeof nodes)[number]) => `${n.context ? 'o' : 'f'}|${n.color}`;
  const nodeKeys = [...new Set(nodes.map(nodeKey))].sort();
  const nodeLookOf = new Map(nodeKeys.map((k, i) => [k, i]));
  const nodeLooks: NodeLook[] = nodeKeys.map((key) => {
    const n = nodes.find((d) => nodeKey(d) === key)!;
    return { color: n.color, context: n.context };
  });
  const linkKey = (l: (typeof links)[number]) => `${l.status}|${l.width}`;
  const linkKeys = [...new Set(links.map(linkKey))].sort();
  const linkLookOf = new Map(linkKeys.map((k, i) => [k, i]));
  const linkLooks: LinkLook[] = linkKeys.map((key) => {
    const l = links.find((d) => linkKey(d) === key)!;
    return {
      stroke: l.stroke,
      width: l.width,
      dash: l.dash ? evenDash(l.dash.split(' ').map(Number)) : null,
      linecap: l.linecap,
      opacity: l.opacity,
    };
  });
  return {
    width: scene.width,
    height: scene.height,
    layout: scene.layout,
    cities: [...scene.cities],
    nodeCity: Int32Array.from(nodes, (n) => cityIndex.get(n.city) ?? -1),
    radius: Float64Array.from(nodes, (n) => n.r),
    nodeLook: Uint16Array.from(nodes, (n) => nodeLookOf.get(nodeKey(n))!),
    nodeLooks,
    source: Int32Array.from(links, (l) => indexOf.get(l.source) ?? 0),
    target: Int32Array.from(links, (l) => indexOf.get(l.target) ?? 0),
    bend: Float64Array.from(links, (l) => l.bend),
    linkLook: Uint16Array.from(links, (l) => linkLookOf.get(linkKey(l))!),
    linkLooks,
  };
}

/**
 * What a highlight emphasises, by index (as `networkEmphasis` does by id): highlighted nodes with
 * their partnerships and partners, highlighted links with both their ends. One pass over the links'
 * ends, no strings: it runs whenever the pointer moves onto another node.
 */
export function emphasisOf(
  paint: Pick<PaintScene, 'radius' | 'source' | 'target'>,
  nodes: Iterable<number>,
  links: Iterable<number>,
): Emphasis & { nodes: Uint8Array; links: Uint8Array; nodeIndices: Int32Array; linkIndices: Int32Array } {
  const n = paint.radius.length;
  const m = paint.source.length;
  const highlighted = new Uint8Array(n);
  const nodeMask = new Uint8Array(n);
  const linkMask = new Uint8Array(m);
  for (const i of nodes)
    if (i >= 0 && i < n) {
      highlighted[i] = 1;
      nodeMask[i] = 1;
    }
  for (const j of links) if (j >= 0 && j < m) linkMask[j] = 1;
  let linkCount = 0;
  for (let j = 0; j < m; j++) {
    const s = paint.source[j]!;
    const t = paint.target[j]!;
    if (linkMask[j] || highlighted[s] || highlighted[t]) {
      linkMask[j] = 1;
      nodeMask[s] = 1;
      nodeMask[t] = 1;
      linkCount++;
    }
  }
  const linkIndices = new Int32Array(linkCount);
  for (let j = 0, k = 0; j < m; j++) if (linkMask[j]) linkIndices[k++] = j;
  let nodeCount = 0;
  for (let i = 0; i < n; i++) nodeCount += nodeMask[i]!;
  const nodeIndices = new Int32Array(nodeCount);
  for (let i = 0, k = 0; i < n; i++) if (nodeMask[i]) nodeIndices[k++] = i;
  return { nodes: nodeMask, links: linkMask, nodeIndices, linkIndices };
}

/** A canvas repeats an odd dash list twice over: do it here, so on/off pairs are plain to read. */
function evenDash(dash: number[]): number[] {
  return dash.length % 2 === 1 ? [...dash, ...dash] : dash;
}

// ---------------------------------------------------------------------------------------------------
// Where things are

const LINE = 0;
const QUAD = 1;
const CUBIC = 2;

/**
 * Link shapes, link boxes and the spatial index for one set of positions. `update` when the positions
 * change; buffers are reused.
 */
export class SceneGeometry {
  positions: ArrayLike<number> = [];
  /** Per link: LINE, QUAD or CUBIC. */
  curve = new Uint8Array(0);
  /** Per link, 4 numbers: the control point (quad) or points (cubic). */
  controls = new Float64Array(0);
  /** Per link, `[x0, y0, x1, y1]` around the curve (its control points included). */
  boxes = new Float64Array(0);
  /** Around everything drawn, viewBox units. */
  bounds: Region = [0, 0, 0, 0];
  readonly index = new SpatialIndex();

  update(paint: PaintScene, positions: ArrayLike<number>): this {
    const m = paint.source.length;
    const n = paint.radius.length;
    if (this.curve.length < m) {
      this.curve = new Uint8Array(m);
      this.controls = new Float64Array(4 * m);
      this.boxes = new Float64Array(4 * m);
    }
    this.positions = positions;
    const { curve, controls, boxes } = this;
    const centre = { x: paint.width / 2, y: paint.height / 2 };
    const city = (i: number) => paint.cities[paint.nodeCity[i]!] ?? '';
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -Infinity;
    let by1 = -Infinity;
    for (let j = 0; j < m; j++) {
      const s = paint.source[j]!;
      const t = paint.target[j]!;
      const sx = positions[2 * s]!;
      const sy = positions[2 * s + 1]!;
      const tx = positions[2 * t]!;
      const ty = positions[2 * t + 1]!;
      let x0 = Math.min(sx, tx);
      let y0 = Math.min(sy, ty);
      let x1 = Math.max(sx, tx);
      let y1 = Math.max(sy, ty);
      curve[j] = LINE;
      // Most force-layout links are straight: no need to ask.
      if (paint.layout === 'bridge' || paint.bend[j] !== 0) {
        const shape = linkCurve(
          { x: sx, y: sy, city: city(s) },
          { x: tx, y: ty, city: city(t) },
          paint.bend[j]!,
          paint.layout,
          paint.cities.length,
          centre,
        );
        if (shape.kind === 'quad') {
          curve[j] = QUAD;
          controls[4 * j] = shape.qx;
          controls[4 * j + 1] = shape.qy;
          x0 = Math.min(x0, shape.qx);
          x1 = Math.max(x1, shape.qx);
          y0 = Math.min(y0, shape.qy);
          y1 = Math.max(y1, shape.qy);
        } else if (shape.kind === 'cubic') {
          curve[j] = CUBIC;
          controls[4 * j] = shape.c1x;
          controls[4 * j + 1] = shape.c1y;
          controls[4 * j + 2] = shape.c2x;
          controls[4 * j + 3] = shape.c2y;
          x0 = Math.min(x0, shape.c1x, shape.c2x);
          x1 = Math.max(x1, shape.c1x, shape.c2x);
          y0 = Math.min(y0, shape.c1y, shape.c2y);
          y1 = Math.max(y1, shape.c1y, shape.c2y);
        }
      }
      // Room for the line's width.
      const pad = paint.linkLooks[paint.linkLook[j]!]!.width;
      boxes[4 * j] = x0 - pad;
      boxes[4 * j + 1] = y0 - pad;
      boxes[4 * j + 2] = x1 + pad;
      boxes[4 * j + 3] = y1 + pad;
      if (x0 - pad < bx0) bx0 = x0 - pad;
      if (y0 - pad < by0) by0 = y0 - pad;
      if (x1 + pad > bx1) bx1 = x1 + pad;
      if (y1 + pad > by1) by1 = y1 + pad;
    }
    for (let i = 0; i < n; i++) {
      // Room for the radius and the outline (or the hollow discs' wider stroke).
      const r = paint.radius[i]! + 2;
      const x = positions[2 * i]!;
      const y = positions[2 * i + 1]!;
      if (x - r < bx0) bx0 = x - r;
      if (y - r < by0) by0 = y - r;
      if (x + r > bx1) bx1 = x + r;
      if (y + r > by1) by1 = y + r;
    }
    this.bounds = bx1 >= bx0 ? [bx0, by0, bx1, by1] : [0, 0, 0, 0];
    this.index.rebuild(positions, paint.radius, boxes.subarray(0, 4 * m));
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Drawing

/** Arrays reused from frame to frame, sized to the scene. */
export class DrawScratch {
  nodes = new Int32Array(0);
  links = new Int32Array(0);
  /** Items grouped by look, and where each look's group starts. */
  sorted = new Int32Array(0);
  start = new Int32Array(0);
  private cursor = new Int32Array(0);

  fit(paint: PaintScene): this {
    const n = paint.radius.length;
    const m = paint.source.length;
    if (this.nodes.length < n) this.nodes = new Int32Array(n);
    if (this.links.length < m) this.links = new Int32Array(m);
    if (this.sorted.length < Math.max(n, m)) this.sorted = new Int32Array(Math.max(n, m));
    const looks = Math.max(paint.nodeLooks.length, paint.linkLooks.length) + 1;
    if (this.start.length < looks) {
      this.start = new Int32Array(looks);
      this.cursor = new Int32Array(looks);
    }
    return this;
  }

  /**
   * Groups `count` items by look (a counting sort into `sorted`, keeping their order within a look):
   * look `k`'s items are `sorted[start[k]]` up to `sorted[start[k + 1]]`.
   */
  group(items: Int32Array, count: number, lookOf: Uint16Array, looks: number): void {
    const { start, cursor, sorted } = this;
    start.fill(0, 0, looks + 1);
    for (let k = 0; k < count; k++) start[lookOf[items[k]!]! + 1]!++;
    for (let k = 0; k < looks; k++) start[k + 1]! += start[k]!;
    cursor.set(start.subarray(0, looks));
    for (let k = 0; k < count; k++) {
      const item = items[k]!;
      sorted[cursor[lookOf[item]!]!++] = item;
    }
  }
}

/** Which items a pass draws: those whose `mask` entry is truthy (`want` true) or falsy (`want` false). */
export interface Selection {
  mask: Emphasis;
  want: boolean;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** What a layer shows: a region of the chart at a zoom. */
export interface LayerView {
  /** viewBox units; what lies outside is not drawn. */
  region: Region;
  /** Device px per viewBox unit (zoom × CSS px per unit × device pixel ratio). */
  px: number;
  /** The viewport's zoom. */
  k: number;
}

/**
 * Draws the links and nodes that meet the view's region, the context's transform mapping viewBox
 * units to device pixels at `view.px` per unit. Only those of `selection` when given; all at `alpha`.
 */
export function drawLayer(
  ctx: Context2D,
  paint: PaintScene,
  geometry: SceneGeometry,
  view: LayerView,
  scratch: DrawScratch,
  selection: Selection | null = null,
  alpha = 1,
): void {
  scratch.fit(paint);
  const [x0, y0, x1, y1] = view.region;
  // The emphasised are few (a node and its partners): look at them only, not at all in view.
  const few = selection?.want ? selection.mask : null;
  const links = few?.linkIndices
    ? linksAmong(few.linkIndices, geometry.boxes, view.region, scratch.links)
    : geometry.index.linksIn(x0, y0, x1, y1, scratch.links);
  scratch.group(scratch.links, links, paint.linkLook, paint.linkLooks.length);
  drawLinks(ctx, paint, geometry, view, scratch, selection?.want, selection?.mask.links, alpha);
  const nodes = few?.nodeIndices
    ? nodesAmong(few.nodeIndices, geometry.positions, paint.radius, view.region, scratch.nodes)
    : geometry.index.nodesIn(x0, y0, x1, y1, scratch.nodes);
  scratch.group(scratch.nodes, nodes, paint.nodeLook, paint.nodeLooks.length);
  drawNodes(ctx, paint, geometry, view, scratch, selection?.want, selection?.mask.nodes, alpha);
  ctx.globalAlpha = 1;
}

/** Writes into `out` those of `links` whose box meets the region; returns how many. */
function linksAmong(links: ArrayLike<number>, boxes: Float64Array, region: Region, out: Int32Array): number {
  let count = 0;
  for (let k = 0; k < links.length; k++) {
    const j = links[k]!;
    if (boxes[4 * j]! <= region[2] && boxes[4 * j + 2]! >= region[0])
      if (boxes[4 * j + 1]! <= region[3] && boxes[4 * j + 3]! >= region[1]) out[count++] = j;
  }
  return count;
}

/** Writes into `out` those of `nodes` whose disc meets the region; returns how many. */
function nodesAmong(
  nodes: ArrayLike<number>,
  positions: ArrayLike<number>,
  radii: ArrayLike<number>,
  region: Region,
  out: Int32Array,
): number {
  let count = 0;
  for (let k = 0; k < nodes.length; k++) {
    const i = nodes[k]!;
    const x = positions[2 * i]!;
    const y = positions[2 * i + 1]!;
    const r = radii[i]!;
    if (x + r >= region[0] && x - r <= region[2] && y + r >= region[1] && y - r <= region[3])
      out[count++] = i;
  }
  return count;
}

/** Where the last clipped link enters and leaves the box, as fractions of its length. */
const clipped = { t0: 0, t1: 1 };

/** Cuts a straight link to a box widened by `pad` (Liang–Barsky); false if it misses the box. */
function clipToBox(x1: number, y1: number, x2: number, y2: number, box: Region, pad: number): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  clipped.t0 = 0;
  clipped.t1 = 1;
  return (
    clipEdge(-dx, x1 - (box[0] - pad)) &&
    clipEdge(dx, box[2] + pad - x1) &&
    clipEdge(-dy, y1 - (box[1] - pad)) &&
    clipEdge(dy, box[3] + pad - y1) &&
    clipped.t0 <= clipped.t1
  );
}

function clipEdge(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) {
    if (t > clipped.t1) return false;
    if (t > clipped.t0) clipped.t0 = t;
  } else {
    if (t < clipped.t0) return false;
    if (t < clipped.t1) clipped.t1 = t;
  }
  return true;
}

function drawLinks(
  ctx: Context2D,
  paint: PaintScene,
  geometry: SceneGeometry,
  { region, px }: LayerView,
  scratch: DrawScratch,
  want: boolean | undefined,
  mask: ArrayLike<boolean | number> | undefined,
  alpha: number,
): void {
  const { positions, curve, controls } = geometry;
  const { sorted, start } = scratch;
  for (let look = 0; look < paint.linkLooks.length; look++) {
    const from = start[look]!;
    const to = start[look + 1]!;
    if (from === to) continue;
    const { stroke, width, dash, linecap, opacity } = paint.linkLooks[look]!;
    const onScreen = width * px;
    const hairline = onScreen < HAIRLINE_BELOW;
    const lineWidth = hairline ? Math.min(width, HAIRLINE / px) : width;
    // A dash pattern finer than the eye can follow costs much and shows little: draw the same ink solid.
    let pattern = dash;
    let period = 0;
    let ink = 1;
    if (dash) {
      period = dash.reduce((a, b) => a + b, 0);
      if (period * px < DASH_MIN_PERIOD) {
        let on = 0;
        for (let k = 0; k < dash.length; k += 2) on += dash[k]! + (linecap === 'round' ? lineWidth : 0);
        ink = Math.min(1, on / period);
        pattern = null;
        period = 0;
      }
    }
    ctx.beginPath();
    let any = false;
    for (let k = from; k < to; k++) {
      const j = sorted[k]!;
      if (mask && want !== undefined && !!mask[j] !== want) continue;
      const s = paint.source[j]!;
      const t = paint.target[j]!;
      let sx = positions[2 * s]!;
      let sy = positions[2 * s + 1]!;
      let tx = positions[2 * t]!;
      let ty = positions[2 * t + 1]!;
      const kind = curve[j]!;
      if (kind === LINE) {
        if (!clipToBox(sx, sy, tx, ty, region, width)) continue;
        let { t0 } = clipped;
        const { t1 } = clipped;
        if (t0 > 0 || t1 < 1) {
          const dx = tx - sx;
          const dy = ty - sy;
          // The dash pattern restarts at the cut: cut at a whole period, so dashes don't slide as one pans.
          if (period > 0) {
            const length = Math.hypot(dx, dy);
            t0 = length > 0 ? (Math.floor((t0 * length) / period) * period) / length : 0;
          }
          const ex = sx + dx * t1;
          const ey = sy + dy * t1;
          sx += dx * t0;
          sy += dy * t0;
          tx = ex;
          ty = ey;
        }
        ctx.moveTo(sx, sy);
        ctx.lineTo(tx, ty);
      } else if (kind === QUAD) {
        ctx.moveTo(sx, sy);
        ctx.quadraticCurveTo(controls[4 * j]!, controls[4 * j + 1]!, tx, ty);
      } else {
        ctx.moveTo(sx, sy);
        ctx.bezierCurveTo(
          controls[4 * j]!,
          controls[4 * j + 1]!,
          controls[4 * j + 2]!,
          controls[4 * j + 3]!,
          tx,
          ty,
        );
      }
      any = true;
    }
    if (!any) continue;
    // A hairline standing for a wider line carries the difference in ink in its alpha.
    ctx.globalAlpha = Math.min(1, alpha * opacity * ink * (hairline ? Math.max(1, onScreen) : 1));
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = linecap;
    ctx.setLineDash(pattern ?? []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Discs without the outline first, then those with it. */
const OUTLINE_PASSES = [false, true] as const;

function drawNodes(
  ctx: Context2D,
  paint: PaintScene,
  geometry: SceneGeometry,
  { px, k: zoom }: LayerView,
  scratch: DrawScratch,
  want: boolean | undefined,
  mask: ArrayLike<boolean | number> | undefined,
  alpha: number,
): void {
  const { positions } = geometry;
  const { sorted, start } = scratch;
  const radius = paint.radius;
  const skip = (i: number) => mask !== undefined && want !== undefined && !!mask[i] !== want;
  // The white outline keeps a constant width on screen once zoomed in.
  const outline = 1.5 / Math.max(1, zoom);
  ctx.globalAlpha = alpha;
  for (let look = 0; look < paint.nodeLooks.length; look++) {
    const from = start[look]!;
    const to = start[look + 1]!;
    if (from === to) continue;
    const { color, context } = paint.nodeLooks[look]!;

    // Squares: filled, or outlined 1 px for context nodes.
    ctx.beginPath();
    let any = false;
    for (let k = from; k < to; k++) {
      const i = sorted[k]!;
      if (skip(i) || radius[i]! * px >= SQUARE_BELOW) continue;
      const side = Math.max(1 / px, radius[i]! * SQRT_PI);
      ctx.rect(positions[2 * i]! - side / 2, positions[2 * i + 1]! - side / 2, side, side);
      any = true;
    }
    if (any) {
      if (context) {
        ctx.lineWidth = HAIRLINE / px;
        ctx.strokeStyle = color;
        ctx.stroke();
      } else {
        ctx.fillStyle = color;
        ctx.fill();
      }
    }

    // Discs: small ones without the outline, larger ones with it (context ones always, hollow).
    for (const outlined of OUTLINE_PASSES) {
      ctx.beginPath();
      any = false;
      for (let k = from; k < to; k++) {
        const i = sorted[k]!;
        const r = radius[i]!;
        const size = r * px;
        if (skip(i) || size < SQUARE_BELOW || (context || size >= OUTLINE_FROM) !== outlined) continue;
        const x = positions[2 * i]!;
        const y = positions[2 * i + 1]!;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = context ? '#ffffff' : color;
      ctx.fill();
      if (outlined) {
        ctx.lineWidth = context ? 2 : outline;
        ctx.strokeStyle = context ? color : '#ffffff';
        ctx.stroke();
      }
    }
  }
}

/** The part of the chart in view, viewBox units. */
export function visibleRegion(v: Viewport, surface: CanvasSurface): Region {
  return [
    -v.x / v.k,
    -v.y / v.k,
    (surface.width / surface.scale - v.x) / v.k,
    (surface.height / surface.scale - v.y) / v.k,
  ];
}

/**
 * Rings: search marks dashed (those in `region`, in one path: a search may mark thousands; past
 * `MANY_MARKS` in view, 1 px solid rings, many times cheaper than dashed ones), the selection and the
 * hovered node solid and wider; constant width on screen.
 */
export function drawRings(
  ctx: Context2D,
  radii: ArrayLike<number>,
  frame: Pick<CanvasFrame, 'positions' | 'viewport' | 'marked' | 'hovered' | 'selected'>,
  surface: Pick<CanvasSurface, 'scale' | 'pixelRatio'>,
  region: Region,
): void {
  const { positions, viewport: v } = frame;
  const { scale, pixelRatio } = surface;
  const unit = 1 / (v.k * scale);
  const gap = 4 * unit;
  ctx.globalAlpha = 1;
  ctx.strokeStyle = INK.text;
  ctx.beginPath();
  let shown = 0;
  for (const i of frame.marked) {
    if (i < 0 || i >= radii.length) continue;
    const x = positions[2 * i]!;
    const y = positions[2 * i + 1]!;
    const r = radii[i]! + gap;
    if (x + r < region[0] || x - r > region[2] || y + r < region[1] || y - r > region[3]) continue;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    shown++;
  }
  if (shown > MANY_MARKS) {
    ctx.lineWidth = (HAIRLINE * unit) / pixelRatio;
    ctx.stroke();
  } else if (shown > 0) {
    ctx.lineWidth = 2.5 * unit;
    ctx.setLineDash([3 * unit, 2 * unit]);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const [i, width] of [
    [frame.hovered, 2],
    [frame.selected, 3.5],
  ] as const) {
    if (i < 0 || i >= radii.length) continue;
    ctx.beginPath();
    ctx.arc(positions[2 * i]!, positions[2 * i + 1]!, radii[i]! + gap, 0, 2 * Math.PI);
    ctx.lineWidth = width * unit;
    ctx.stroke();
  }
}

/** Node labels as drawn, shortened to fit, their widths (CSS px) and languages. */
export interface LabelTexts {
  texts: string[];
  widths: Float64Array;
  /**
   * The `lang` of each label not in the page's language (a name shown untranslated; '' for unknown), as the SVG's
   * `lang` attribute; undefined: the page's.
   */
  langs: Array<string | undefined>;
}

/** By scene: shortening every label on every frame would cost more than drawing them. */
const labelCache = new WeakMap<object, LabelTexts>();

export function labelTexts(nodes: ReadonlyArray<{ label: string; labelLang?: string }>): LabelTexts {
  let cached = labelCache.get(nodes);
  if (!cached) {
    const texts = nodes.map((n) => shorten(n.label, LABEL_EM * LABEL_PX, LABEL_PX));
    cached = {
      texts,
      widths: Float64Array.from(texts, (t) => estimateTextWidth(t, LABEL_PX)),
      langs: nodes.map((n) => n.labelLang),
    };
    labelCache.set(nodes, cached);
  }
  return cached;
}

/**
 * Labels in screen space at a constant size (see `pickScreenLabels` for which): the context's
 * transform is reset to CSS px.
 */
export function drawLabels(
  ctx: Context2D,
  labels: LabelTexts,
  radii: ArrayLike<number>,
  frame: CanvasFrame,
  surface: CanvasSurface,
): void {
  const chosen = pickScreenLabels({
    positions: frame.positions,
    radii,
    widths: labels.widths,
    order: frame.order,
    forced: [frame.hovered, frame.selected],
    preferred: frame.marked,
    eligible: frame.emphasis?.nodes ?? null,
    viewport: frame.viewport,
    scale: surface.scale,
    width: surface.width,
    height: surface.height,
    fontSize: LABEL_PX,
    limit: LABEL_LIMIT,
    minRadius: LABEL_MIN_RADIUS,
  });
  if (chosen.length === 0) return;
  const dpr = surface.pixelRatio;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.font = `${LABEL_PX}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  // A name in another language than the page's is set in that language, as the SVG's `lang` does: the browser
  // picks its fonts and glyph forms by it. Where the context has no `lang`, the canvas's (the page's) applies.
  const lingual = 'lang' in ctx ? (ctx as Context2D & { lang: string }) : null;
  for (const label of chosen) {
    const text = labels.texts[label.index]!;
    if (lingual) lingual.lang = labels.langs[label.index] ?? 'inherit';
    ctx.strokeStyle = INK.halo;
    ctx.strokeText(text, label.x, label.baseline);
    ctx.fillStyle = INK.text;
    ctx.fillText(text, label.x, label.baseline);
  }
  if (lingual) lingual.lang = 'inherit';
}

/** The device transform of a frame: viewBox units to device pixels. */
export function frameTransform(
  v: Viewport,
  surface: CanvasSurface,
): [number, number, number, number, number, number] {
  const { scale, pixelRatio: dpr } = surface;
  const px = v.k * scale * dpr;
  return [px, 0, 0, px, v.x * scale * dpr, v.y * scale * dpr];
}

const paintCache = new WeakMap<object, PaintScene>();

/**
 * Draws one whole frame straight onto the context: what is in view, dimmed where not emphasised,
 * then rings and labels. (`NetworkCanvas` draws through a cached layer instead; see `layer.ts`.)
 */
export function drawNetwork(
  ctx: CanvasRenderingContext2D,
  scene: Pick<NetworkScene, 'nodes' | 'links' | 'layout' | 'cities' | 'width' | 'height'>,
  frame: CanvasFrame,
  surface: CanvasSurface,
): void {
  let paint = paintCache.get(scene);
  if (!paint) {
    paint = paintScene(scene);
    paintCache.set(scene, paint);
  }
  const geometry = new SceneGeometry().update(paint, frame.positions);
  const scratch = new DrawScratch();
  const v = frame.viewport;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const transform = frameTransform(v, surface);
  ctx.setTransform(...transform);
  const view: LayerView = { region: visibleRegion(v, surface), px: transform[0], k: v.k };
  if (frame.emphasis) {
    drawLayer(ctx, paint, geometry, view, scratch, { mask: frame.emphasis, want: false }, DIMMED);
    drawLayer(ctx, paint, geometry, view, scratch, { mask: frame.emphasis, want: true });
  } else {
    drawLayer(ctx, paint, geometry, view, scratch);
  }
  drawRings(ctx, paint.radius, frame, surface, view.region);
  drawLabels(ctx, labelTexts(scene.nodes), paint.radius, frame, surface);
}
