/**
 * Which nodes the canvas labels, frame by frame. Labels are set at a constant size on screen, so
 * zoomed out only a few fit: a node is labelled once its disc is big enough on screen to tell apart
 * (so labels appear as one zooms in), most important first, each only where it overlaps no label
 * already placed, up to a limit. The hovered and selected nodes are always labelled; search marks
 * come next. Pure, and cheap enough for every frame: one pass over the importance order with a
 * multiplication and a comparison for most nodes, boxes checked against at most `limit` others.
 */
import { overlaps, type Box } from './labels.js';
import type { Viewport } from './viewport.js';

export interface ScreenLabelInput {
  /** `[x0, y0, x1, y1, …]`, model units. */
  positions: ArrayLike<number>;
  radii: ArrayLike<number>;
  /** Width of each node's label as drawn, CSS px. */
  widths: ArrayLike<number>;
  /** Node indices, most important first. */
  order: readonly number[];
  /** Labelled whatever the zoom and whatever they overlap (hovered, selected); -1s are ignored. */
  forced: readonly number[];
  /** Labelled before the rest when they fit (search marks). */
  preferred: ReadonlySet<number>;
  /** Nodes that may be labelled besides the forced ones (the emphasised); null for all. */
  eligible: ArrayLike<boolean | number> | null;
  viewport: Viewport;
  /** CSS px per model unit at zoom 1. */
  scale: number;
  /** Size of the canvas, CSS px. */
  width: number;
  height: number;
  /** Label font size, CSS px. */
  fontSize: number;
  /** Most labels, the forced ones included (those are drawn even past it). */
  limit: number;
  /** Smallest radius on screen, CSS px, of a node that gets a label. */
  minRadius: number;
}

export interface ScreenLabel {
  index: number;
  /** Centre of the text and its baseline, CSS px. */
  x: number;
  baseline: number;
  box: Box;
}

/** Space between a disc and its label, CSS px. */
const GAP = 2;

/** The labels to draw, in drawing order; see the module comment for the rules. */
export function pickScreenLabels(input: ScreenLabelInput): ScreenLabel[] {
  const { positions, radii, widths, order, forced, preferred, eligible, scale } = input;
  const { width, height, fontSize: f, limit, minRadius } = input;
  // Plain numbers: the viewport may be reactive state, costly to read once per node.
  const zoom = input.viewport.k * scale;
  const dx = input.viewport.x * scale;
  const dy = input.viewport.y * scale;
  const placed: ScreenLabel[] = [];

  const place = (i: number, force: boolean): void => {
    if (i < 0 || i >= radii.length) return;
    const r = radii[i]! * zoom;
    if (!force && (r < minRadius || (eligible && !eligible[i]))) return;
    const sx = positions[2 * i]! * zoom + dx;
    const sy = positions[2 * i + 1]! * zoom + dy;
    const w = widths[i]!;
    const baseline = sy + r + GAP + f * 0.84;
    // Zoomed in, most nodes are out of view: check before making a box for them.
    if (sx + w / 2 < 0 || sx - w / 2 > width || baseline + f * 0.24 < 0 || baseline - f * 0.84 > height)
      return;
    const box: Box = [sx - w / 2, baseline - f * 0.84, sx + w / 2, baseline + f * 0.24];
    for (const other of placed) if (other.index === i) return;
    if (!force) for (const other of placed) if (overlaps(box, other.box)) return;
    placed.push({ index: i, x: sx, baseline, box });
  };

  for (const i of forced) place(i, true);
  for (const i of preferred) {
    if (placed.length >= limit) break;
    place(i, false);
  }
  for (let k = 0; k < order.length && placed.length < limit; k++) {
    const i = order[k]!;
    // Most nodes stop here: too small on screen at this zoom.
    if (radii[i]! * zoom < minRadius || preferred.has(i)) continue;
    place(i, false);
  }
  return placed;
}
