/**
 * Zoom, pan and hit-testing for the network chart, as pure functions on plain numbers, so the SVG
 * and canvas renderers share them and tests can check them without a browser.
 *
 * Coordinates: *model* coordinates are the chart's viewBox units (where `networkModel` puts nodes);
 * *view* coordinates are viewBox units after zoom and pan: view = k · model + (x, y).
 */

/** Zoom and pan: view = k · model + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

export interface Point {
  x: number;
  y: number;
}

export const IDENTITY: Viewport = Object.freeze({ x: 0, y: 0, k: 1 });

/** How far one can zoom out and in. */
export const ZOOM_LIMITS = Object.freeze({ min: 0.5, max: 12 });

/** The zoom step of the +/− buttons and keys. */
export const ZOOM_STEP = 1.5;

export function toModel(v: Viewport, p: Point): Point {
  return { x: (p.x - v.x) / v.k, y: (p.y - v.y) / v.k };
}

export function toView(v: Viewport, p: Point): Point {
  return { x: v.k * p.x + v.x, y: v.k * p.y + v.y };
}

/**
 * Zooms by `factor` keeping the view point `at` still (under the pointer, or the centre for the
 * buttons); the zoom stays within the limits.
 */
export function zoomAt(
  v: Viewport,
  at: Point,
  factor: number,
  limits: { min: number; max: number } = ZOOM_LIMITS,
): Viewport {
  const k = Math.min(limits.max, Math.max(limits.min, v.k * factor));
  if (k === v.k) return v;
  const m = toModel(v, at);
  return { k, x: at.x - k * m.x, y: at.y - k * m.y };
}

export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { k: v.k, x: v.x + dx, y: v.y + dy };
}

/**
 * Keeps some of the chart in view: the content box [0, width] × [0, height], once zoomed, may not
 * leave the view by more than `1 − keep` of the view's size on any side.
 */
export function constrain(v: Viewport, width: number, height: number, keep = 0.2): Viewport {
  const minX = width * keep - v.k * width;
  const maxX = width * (1 - keep);
  const minY = height * keep - v.k * height;
  const maxY = height * (1 - keep);
  const x = Math.min(maxX, Math.max(minX, v.x));
  const y = Math.min(maxY, Math.max(minY, v.y));
  return x === v.x && y === v.y ? v : { k: v.k, x, y };
}

/** The zoom factor for a wheel event's vertical delta (pixels, lines or pages), as d3-zoom does. */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey = false): number {
  const unit = deltaMode === 1 ? 0.05 : deltaMode === 2 ? 1 : 0.002;
  return Math.pow(2, -deltaY * unit * (ctrlKey ? 10 : 1));
}

/** A viewport that centres a model point, at zoom k (at least the current zoom by default). */
export function centreOn(v: Viewport, p: Point, width: number, height: number, k = v.k): Viewport {
  return { k, x: width / 2 - k * p.x, y: height / 2 - k * p.y };
}

/** Node positions as `[x0, y0, x1, y1, …]` and radii, in model coordinates. */
export interface NodeGeometry {
  positions: ArrayLike<number>;
  radii: ArrayLike<number>;
}

/**
 * The node under a model point: the nearest whose disc, widened by `tolerance` (model units), holds
 * the point; -1 if none. Later nodes are drawn on top, so among equals the last one wins.
 */
export function nodeAt(nodes: NodeGeometry, p: Point, tolerance = 0): number {
  const { positions, radii } = nodes;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < radii.length; i++) {
    const dx = positions[2 * i]! - p.x;
    const dy = positions[2 * i + 1]! - p.y;
    const r = radii[i]! + tolerance;
    const d2 = dx * dx + dy * dy;
    if (d2 <= r * r && d2 - radii[i]! * radii[i]! <= bestDistance) {
      best = i;
      bestDistance = d2 - radii[i]! * radii[i]!;
    }
  }
  return best;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node to move to from node `from` with an arrow key: among the nodes lying in that direction
 * (within 60° of it), the closest, with sideways distance counting double. -1 if there is none.
 */
export function nearestInDirection(positions: ArrayLike<number>, from: number, direction: Direction): number {
  const n = positions.length / 2;
  const x0 = positions[2 * from]!;
  const y0 = positions[2 * from + 1]!;
  const ux = direction === 'left' ? -1 : direction === 'right' ? 1 : 0;
  const uy = direction === 'up' ? -1 : direction === 'down' ? 1 : 0;
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < n; i++) {
    if (i === from) continue;
    const dx = positions[2 * i]! - x0;
    const dy = positions[2 * i + 1]! - y0;
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Whether a viewport differs from the identity (something to reset). */
export function isZoomed(v: Viewport): boolean {
  return v.k !== 1 || v.x !== 0 || v.y !== 0;
}
