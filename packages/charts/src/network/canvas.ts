/**
 * Draws a network scene on a 2D canvas: for graphs too large for SVG (thousands of institutions),
 * where one element per node and link would make the page slow. Same look as `NetworkGraph.svelte`:
 * links by status (dash) and milestones (width), discs by colour and size, hollow context nodes,
 * rings for marks and the selection, and labels for the most important nodes that fit, kept at a
 * constant size on screen whatever the zoom.
 */
import { FONT_FAMILY, INK } from '../palette.js';
import { estimateTextWidth } from '../text.js';
import { overlaps, shorten, type Box } from './labels.js';
import { linkCurve, type NetworkScene } from './model.js';
import type { Viewport } from './viewport.js';

/** What changes from frame to frame. Indices are node indices in `scene.nodes`. */
export interface CanvasFrame {
  /** `[x0, y0, x1, y1, …]`, viewBox units. */
  positions: ArrayLike<number>;
  viewport: Viewport;
  /** Nodes and links at full strength (the rest is dimmed); null when all are. */
  emphasis: { nodes: ArrayLike<boolean | number>; links: ArrayLike<boolean | number> } | null;
  marked: ReadonlySet<number>;
  selected: number;
  hovered: number;
  /** Node indices by importance: labels go to the first that fit. */
  order: readonly number[];
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

const DIMMED = 0.15;
/** Shortened label texts by scene, computed once: shortening runs for every label on every frame otherwise. */
const labelTexts = new WeakMap<object, string[]>();
const LABEL_PX = 12;
const LABEL_LIMIT = 30;
const LABEL_EM = 18;

/** Draws one frame. Pure drawing: reads the scene and frame, touches only the context. */
export function drawNetwork(
  ctx: CanvasRenderingContext2D,
  scene: Pick<NetworkScene, 'nodes' | 'links' | 'layout' | 'cities' | 'width' | 'height'>,
  frame: CanvasFrame,
  surface: CanvasSurface,
): void {
  const { positions, viewport: v, emphasis } = frame;
  const { scale, pixelRatio: dpr } = surface;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const k = v.k * scale * dpr;
  ctx.setTransform(k, 0, 0, k, v.x * scale * dpr, v.y * scale * dpr);

  const indexOf = new Map(scene.nodes.map((n, i) => [n.id, i]));
  const centre = { x: scene.width / 2, y: scene.height / 2 };
  const at = (i: number) => ({ x: positions[2 * i]!, y: positions[2 * i + 1]!, city: scene.nodes[i]!.city });

  // Links, batched by look (status and width), dimmed ones first so emphasised ones sit on top.
  const batches = new Map<string, number[]>();
  scene.links.forEach((link, i) => {
    const strong = !emphasis || !!emphasis.links[i];
    const key = `${strong ? 1 : 0}|${link.status}|${link.width}`;
    const batch = batches.get(key);
    if (batch) batch.push(i);
    else batches.set(key, [i]);
  });
  const keys = [...batches.keys()].sort();
  for (const key of keys) {
    const members = batches.get(key)!;
    const first = scene.links[members[0]!]!;
    ctx.beginPath();
    for (const i of members) {
      const link = scene.links[i]!;
      const s = at(indexOf.get(link.source) ?? 0);
      const t = at(indexOf.get(link.target) ?? 0);
      const curve = linkCurve(s, t, link.bend, scene.layout, scene.cities.length, centre);
      ctx.moveTo(s.x, s.y);
      if (curve.kind === 'line') ctx.lineTo(t.x, t.y);
      else if (curve.kind === 'quad') ctx.quadraticCurveTo(curve.qx, curve.qy, t.x, t.y);
      else ctx.bezierCurveTo(curve.c1x, curve.c1y, curve.c2x, curve.c2y, t.x, t.y);
    }
    ctx.globalAlpha = first.opacity * (key.startsWith('0') ? DIMMED : 1);
    ctx.strokeStyle = first.stroke;
    ctx.lineWidth = first.width;
    ctx.lineCap = first.linecap;
    ctx.setLineDash(first.dash ? first.dash.split(' ').map(Number) : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Nodes, batched by colour and fill (solid, or hollow for context), dimmed ones first.
  const nodeBatches = new Map<string, number[]>();
  scene.nodes.forEach((node, i) => {
    const strong = !emphasis || !!emphasis.nodes[i];
    const key = `${strong ? 1 : 0}|${node.context ? 'o' : 'f'}|${node.color}`;
    const batch = nodeBatches.get(key);
    if (batch) batch.push(i);
    else nodeBatches.set(key, [i]);
  });
  for (const key of [...nodeBatches.keys()].sort()) {
    const members = nodeBatches.get(key)!;
    const node = scene.nodes[members[0]!]!;
    ctx.globalAlpha = key.startsWith('0') ? DIMMED : 1;
    ctx.beginPath();
    for (const i of members) {
      const x = positions[2 * i]!;
      const y = positions[2 * i + 1]!;
      const r = scene.nodes[i]!.r;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = node.context ? '#ffffff' : node.color;
    ctx.fill();
    ctx.lineWidth = node.context ? 2 : 1.5 / Math.max(1, v.k);
    ctx.strokeStyle = node.context ? node.color : '#ffffff';
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // Rings: search marks dashed, the selection and the hovered node solid; constant width on screen.
  const ring = (i: number, width: number, dash: number[]) => {
    if (i < 0 || i >= scene.nodes.length) return;
    const px = 1 / (v.k * scale);
    ctx.beginPath();
    ctx.arc(positions[2 * i]!, positions[2 * i + 1]!, scene.nodes[i]!.r + 4 * px, 0, 2 * Math.PI);
    ctx.lineWidth = width * px;
    ctx.setLineDash(dash.map((d) => d * px));
    ctx.strokeStyle = INK.text;
    ctx.stroke();
  };
  for (const i of frame.marked) ring(i, 2.5, [3, 2]);
  ring(frame.hovered, 2, []);
  ring(frame.selected, 3.5, []);
  ctx.setLineDash([]);

  drawLabels(ctx, scene, frame, surface);
}

/**
 * Labels in screen space, constant size: the hovered, selected and marked nodes first, then by
 * importance, each only where it overlaps no label already drawn and lies in view.
 */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: Pick<NetworkScene, 'nodes'>,
  frame: CanvasFrame,
  surface: CanvasSurface,
): void {
  const { positions, viewport: v, emphasis } = frame;
  const { scale, pixelRatio: dpr, width, height } = surface;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${LABEL_PX}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  let texts = labelTexts.get(scene.nodes);
  if (!texts) {
    texts = scene.nodes.map((n) => shorten(n.label, LABEL_EM * LABEL_PX, LABEL_PX));
    labelTexts.set(scene.nodes, texts);
  }
  const placed: Box[] = [];
  const first = [frame.hovered, frame.selected, ...frame.marked].filter((i) => i >= 0);
  const seen = new Set<number>();
  for (const i of [...first, ...frame.order]) {
    if (seen.has(i)) continue;
    seen.add(i);
    const forced = first.includes(i);
    if (!forced && placed.length >= LABEL_LIMIT) break;
    const node = scene.nodes[i];
    if (!node) continue;
    if (!forced && emphasis && !emphasis.nodes[i]) continue;
    const sx = (v.k * positions[2 * i]! + v.x) * scale;
    const sy = (v.k * positions[2 * i + 1]! + v.y) * scale;
    const r = node.r * v.k * scale;
    // Small discs are only labelled once zoomed in enough to tell them apart.
    if (!forced && r < 3) continue;
    const text = texts[i]!;
    const w = estimateTextWidth(text, LABEL_PX);
    const baseline = sy + r + 2 + LABEL_PX * 0.84;
    const box: Box = [sx - w / 2, baseline - LABEL_PX * 0.84, sx + w / 2, baseline + LABEL_PX * 0.24];
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
    if (!forced && placed.some((b) => overlaps(box, b))) continue;
    placed.push(box);
    ctx.textAlign = 'center';
    ctx.lineWidth = 3;
    ctx.strokeStyle = INK.halo;
    ctx.strokeText(text, sx, baseline);
    ctx.fillStyle = INK.text;
    ctx.fillText(text, sx, baseline);
  }
}
