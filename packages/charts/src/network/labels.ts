/**
 * Where node labels go. In the force layout each label tries a few spots around its node (below,
 * right, above, left, then the diagonals) and takes the one that covers the fewest other labels,
 * nodes and links, and that no other node stands nearer to than its own (else it reads as that node's
 * name); labels are placed in order of importance, so the best-connected institutions get the best
 * spots. Text widths are estimated (no font to measure on the server), with some slack.
 */
import { max } from 'd3-array';
import { compareStrings } from '../palette.js';
import { estimateTextWidth } from '../text.js';

export type LabelAnchor = 'start' | 'middle' | 'end';

/** [x0, y0, x1, y1] */
export type Box = [number, number, number, number];

export interface LabelSpot {
  x: number;
  y: number;
  anchor: LabelAnchor;
  box: Box;
}

/** `[x1, y1, x2, y2]` or `[x1, y1, x2, y2, strokeWidth]`. */
export type LinkSegment =
  readonly [number, number, number, number] | readonly [number, number, number, number, number];

export interface LabelNode {
  x: number;
  y: number;
  r: number;
  /** Lines of text as drawn (already wrapped and shortened). */
  lines: readonly string[];
}

/** Distance between the baselines of a label's lines, in em. */
export const LINE_HEIGHT = 1.15;

export interface ForceLabelInput {
  nodes: readonly LabelNode[];
  /** The links as drawn, in straight pieces `[x1, y1, x2, y2]`, optionally with the stroke width as a fifth value. */
  segments: ReadonlyArray<LinkSegment>;
  /** Node indices, most important first. */
  order: readonly number[];
  width: number;
  height: number;
  fontSize: number;
  /** Label every node (small graphs), taking the least bad spot when none is free. */
  labelAll: boolean;
  /** Most labels drawn when not labelling all. */
  limit: number;
}

export interface PlacedLabel {
  visible: boolean;
  x: number;
  y: number;
  anchor: LabelAnchor;
  /** The label crosses a link (no spot free of them was left): drawn on a plate. */
  onLine?: true;
}

/**
 * Spots around a node, in order of preference: below, right, above, left, then the diagonals. A
 * spot's (x, y) is where the first line's baseline starts (per its anchor).
 */
export function labelSpots(node: LabelNode, textWidth: number, fontSize: number): LabelSpot[] {
  const { x, y, r } = node;
  const f = fontSize;
  const w = textWidth;
  const gap = 2;
  const ascent = 0.84 * f;
  const descent = 0.24 * f;
  const extra = (Math.max(1, node.lines.length) - 1) * LINE_HEIGHT * f; // further lines below the first
  const spot = (lx: number, baseline: number, anchor: LabelAnchor): LabelSpot => {
    const x0 = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
    return { x: lx, y: baseline, anchor, box: [x0, baseline - ascent, x0 + w, baseline + extra + descent] };
  };
  const below = y + r + gap + ascent;
  const above = y - r - gap - descent - extra;
  const middle = y + 0.32 * f - extra / 2;
  const diagonal = r * 0.7;
  return [
    spot(x, below, 'middle'),
    spot(x + r + gap + 2, middle, 'start'),
    spot(x, above, 'middle'),
    spot(x - r - gap - 2, middle, 'end'),
    spot(x + diagonal, y + diagonal + gap + ascent, 'start'),
    spot(x - diagonal, y + diagonal + gap + ascent, 'end'),
    spot(x + diagonal, y - diagonal - gap - descent - extra, 'start'),
    spot(x - diagonal, y - diagonal - gap - descent - extra, 'end'),
  ];
}

/**
 * Text widths are estimated (see text.ts); real fonts run up to about a tenth wider (DejaVu Sans, a
 * common Linux fallback, more than most), so label boxes get that much room.
 */
const WIDTH_SLACK = 1.12;

const PREFERENCE = [0, 0.15, 0.3, 0.45, 0.6, 0.65, 0.7, 0.75];
const LABEL_COST = 20;
const NODE_COST = 6;
const LINK_COST = 3;
/**
 * Another node nearer the label than its own. Below a line's cost: when every node is labelled (small graphs), a
 * label may stand beside a neighbour rather than on a line; when not, such a spot is never taken.
 */
const NEARER_COST = 2;

/**
 * Places labels for a force layout. With `labelAll`, every node gets the spot of lowest cost (a
 * label may still overlap something in a crowded spot); otherwise a label is drawn only where it
 * overlaps no other label and no other node, up to `limit` labels.
 */
export function placeForceLabels(input: ForceLabelInput): PlacedLabel[] {
  const { nodes, segments, order, width, height, fontSize, labelAll, limit } = input;
  const grid = new Grid(Math.max(24, fontSize * 4));
  nodes.forEach((node, i) =>
    grid.add(i, [node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r]),
  );
  const segmentGrid = new Grid(Math.max(24, fontSize * 4));
  segments.forEach(([x1, y1, x2, y2], i) =>
    segmentGrid.add(i, [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]),
  );
  // A line is as wide as its stroke, and text touching it is as hard to read as text on it.
  const padOf = (j: number) => (segments[j]![4] ?? 1) / 2 + 1;
  let widest = 1;
  for (let j = 0; j < segments.length; j++) widest = Math.max(widest, padOf(j));
  const grow = (box: Box, pad: number): Box => [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
  const linksHit = (box: Box) =>
    segmentGrid.query(grow(box, widest)).filter((j) => segmentHitsBox(segments[j]!, grow(box, padOf(j))))
      .length;
  const labelGrid = new Grid(Math.max(24, fontSize * 4));
  const placedBoxes: Box[] = [];

  const result: PlacedLabel[] = nodes.map((n) => ({ visible: false, x: n.x, y: n.y, anchor: 'middle' }));
  let shown = 0;
  for (const i of order) {
    if (!labelAll && shown >= limit) break;
    const node = nodes[i]!;
    const w = labelWidth(node, fontSize);
    let best: LabelSpot | null = null;
    let bestCost = Infinity;
    let bestClean = false;
    let bestOnLine = false;
    candidateSpots(node, fontSize).forEach((candidate, k) => {
      // A label sticking out of a side is slid back in, as long as it stays beside its node.
      // (Only labels centred above or below: one beside its node would slide onto it.)
      const shift =
        candidate.anchor !== 'middle'
          ? 0
          : candidate.box[0] < 1
            ? 1 - candidate.box[0]
            : candidate.box[2] > width - 1
              ? width - 1 - candidate.box[2]
              : 0;
      const spot = shift === 0 ? candidate : slide(candidate, shift);
      const [x0, y0, x1, y1] = spot.box;
      if (x0 < 1 || y0 < 1 || x1 > width - 1 || y1 > height - 1) return;
      if (circleHitsBox(node, spot.box, 0)) return;
      const labels = labelGrid.query(spot.box).filter((j) => overlaps(spot.box, placedBoxes[j]!)).length;
      const others = grid
        .query(spot.box)
        .filter((j) => j !== i && circleHitsBox(nodes[j]!, spot.box, 1)).length;
      // A label nearer another node than its own is read as that one's name: as bad as covering it. (Where
      // the text is large beside the nodes' spacing, a phone's, the spots further out land beside neighbours.)
      const own = discDistance(node, spot.box);
      const nearer = grid
        .query(grow(spot.box, own))
        .filter((j) => j !== i && discDistance(nodes[j]!, spot.box) < own).length;
      const links = linksHit(spot.box);
      const cost =
        preference(k) +
        (shift === 0 ? 0 : 0.2) +
        LABEL_COST * labels +
        NODE_COST * others +
        NEARER_COST * nearer +
        LINK_COST * links;
      if (cost < bestCost) {
        bestCost = cost;
        best = spot;
        bestClean = labels === 0 && others === 0 && nearer === 0;
        bestOnLine = links > 0;
      }
    });
    if (!best && labelAll) {
      best = insideBox(labelSpots(node, w, fontSize)[0]!, w, width);
      bestOnLine = linksHit(best.box) > 0;
    }
    if (!best || (!labelAll && !bestClean)) continue;
    const chosen: LabelSpot = best;
    result[i] = {
      visible: true,
      x: chosen.x,
      y: chosen.y,
      anchor: chosen.anchor,
      ...(bestOnLine ? { onLine: true } : {}),
    };
    labelGrid.add(placedBoxes.length, chosen.box);
    placedBoxes.push(chosen.box);
    shown++;
  }
  return result;
}

/** The width a label is given: its widest line, with some slack so a real font slightly wider than estimated fits. */
export function labelWidth(node: LabelNode, fontSize: number): number {
  return Math.max(0, ...node.lines.map((line) => estimateTextWidth(line, fontSize))) * WIDTH_SLACK;
}

/**
 * The spots `placeForceLabels` tries for a node: those around it, then the same a little further out, so a label can
 * step off a line or a neighbour that crosses its first spot rather than sit on it.
 */
export function candidateSpots(node: LabelNode, fontSize: number): LabelSpot[] {
  const textWidth = labelWidth(node, fontSize);
  const near = labelSpots(node, textWidth, fontSize);
  const far = labelSpots({ ...node, r: node.r + 0.8 * fontSize }, textWidth, fontSize);
  return [...near, ...far];
}

/** Preference of the k-th spot of `candidateSpots`: the further ring costs a little more than its near twin. */
const preference = (k: number) =>
  k < PREFERENCE.length ? PREFERENCE[k]! : PREFERENCE[k - PREFERENCE.length]! + 0.5;

function slide(spot: LabelSpot, dx: number): LabelSpot {
  const [x0, y0, x1, y1] = spot.box;
  return { ...spot, x: spot.x + dx, box: [x0 + dx, y0, x1 + dx, y1] };
}

/** A label below its node that would cross a side of the box, aligned to that side instead. */
function insideBox(spot: LabelSpot, w: number, width: number): LabelSpot {
  if (spot.box[0] < 1) return { ...spot, x: 1, anchor: 'start', box: [1, spot.box[1], 1 + w, spot.box[3]] };
  if (spot.box[2] > width - 1)
    return {
      ...spot,
      x: width - 1,
      anchor: 'end',
      box: [width - 1 - w, spot.box[1], width - 1, spot.box[3]],
    };
  return spot;
}

/**
 * Which of the given label spots to draw (bridge layout, where spots are fixed): all up to
 * `labelAll`; otherwise, in order, those inside the box that overlap no label already placed, up to
 * `limit`.
 */
export function chooseLabels(
  spots: ReadonlyArray<LabelSpot | null>,
  order: readonly number[],
  width: number,
  height: number,
  labelAll: boolean,
  limit: number,
): boolean[] {
  const visible = new Array<boolean>(spots.length).fill(false);
  if (labelAll) return visible.fill(true);
  const placed: Box[] = [];
  for (const i of order) {
    if (placed.length >= limit) break;
    const spot = spots[i];
    if (!spot) continue;
    const box = spot.box;
    if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) continue;
    if (placed.some((b) => overlaps(box, b))) continue;
    placed.push(box);
    visible[i] = true;
  }
  return visible;
}

/** Node indices by importance: size, partnerships and betweenness (each scaled to 0..1), then id. */
export function importanceOrder(
  ids: readonly string[],
  radii: ArrayLike<number>,
  degree: ArrayLike<number>,
  centrality: ArrayLike<number>,
): number[] {
  const n = ids.length;
  let rMax = 1;
  let degreeMax = 1;
  for (let i = 0; i < n; i++) {
    rMax = Math.max(rMax, radii[i]!);
    degreeMax = Math.max(degreeMax, degree[i]!);
  }
  const score = (i: number) => radii[i]! / rMax + degree[i]! / degreeMax + centrality[i]!;
  return Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => score(b) - score(a) || compareStrings(ids[a]!, ids[b]!),
  );
}

/**
 * The label, shortened with an ellipsis to fit `room` px: at a word boundary when that keeps most of
 * the room, else mid-word (never below a few characters).
 */
export function shorten(label: string, room: number, fontSize: number): string {
  if (estimateTextWidth(label, fontSize) <= room) return label;
  const chars = [...label];
  let text = '';
  for (const ch of chars) {
    if (estimateTextWidth(`${text}${ch}…`, fontSize) > room && text.length >= 3) break;
    text += ch;
  }
  const space = text.lastIndexOf(' ');
  if (space > 0 && estimateTextWidth(text.slice(0, space), fontSize) >= room * 0.7)
    text = text.slice(0, space);
  // Never stop inside a parenthesis ("School (Escuela de…"): cut before it opens.
  const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
  if (open > 0 && text.indexOf(')', open) < 0 && text.indexOf('）', open) < 0) text = text.slice(0, open);
  return `${text.replace(/[\s.,;:(（–-]+$/u, '')}…`;
}

/** A name without its parenthesised asides: "Escuela de Negocios (Escuela de Alibaba)" → "Escuela de Negocios". */
export function withoutAsides(label: string): string {
  return label
    .replace(/\s*[(（][^()（）]*[)）]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Breaks a label into at most `maxLines` lines of about equal length and at most `room` px, at spaces (or anywhere, in
 * scripts written without spaces such as Chinese); what doesn't fit is shortened with an ellipsis.
 */
export function wrapLabel(label: string, room: number, fontSize: number, maxLines = 2): string[] {
  const lines = wrapLines(label, room, fontSize, maxLines);
  // A name too long for its lines loses its parenthesised asides before any of its words.
  const plain = withoutAsides(label);
  if (plain === label || plain === '' || !lines.some((l) => l.endsWith('…'))) return lines;
  return wrapLines(plain, room, fontSize, maxLines);
}

function wrapLines(label: string, room: number, fontSize: number, maxLines: number): string[] {
  const fits = (text: string) => estimateTextWidth(text, fontSize) <= room;
  if (fits(label) || maxLines <= 1) return [shorten(label, room, fontSize)];
  // Words, with wide (CJK) characters as words of their own so a line can break between them; each
  // remembers whether a space preceded it, so joining words gives back the original text.
  const words = [...label.matchAll(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+/gu)].map((m) => ({
    text: m[0],
    space: m.index > 0 && /\s/u.test(label[m.index - 1]!),
  }));
  // Balanced lines: break at about an equal share of the text, not as late as possible.
  const longestWord = max(words, (w) => estimateTextWidth(w.text, fontSize)) ?? 0;
  const share = (estimateTextWidth(label, fontSize) / maxLines) * 1.1;
  const lineRoom = Math.min(room, Math.max(share, longestWord));
  const lines: string[] = [];
  let line = '';
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    const word = words[i]!;
    const joined = line === '' ? word.text : `${line}${word.space ? ' ' : ''}${word.text}`;
    if (line !== '' && estimateTextWidth(joined, fontSize) > lineRoom) {
      lines.push(line);
      line = '';
      continue;
    }
    line = joined;
    i++;
  }
  // The rest goes on the last line, shortened if need be.
  for (; i < words.length; i++) {
    const word = words[i]!;
    line = line === '' ? word.text : `${line}${word.space ? ' ' : ''}${word.text}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => (fits(l) ? l : shorten(l, room, fontSize)));
}

export function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

/** How far a box is from a disc's edge (0 when they touch or overlap). */
export function discDistance(c: { x: number; y: number; r: number }, box: Box): number {
  const dx = Math.max(box[0] - c.x, 0, c.x - box[2]);
  const dy = Math.max(box[1] - c.y, 0, c.y - box[3]);
  return Math.max(0, Math.hypot(dx, dy) - c.r);
}

function circleHitsBox(c: { x: number; y: number; r: number }, box: Box, pad: number): boolean {
  const nx = Math.max(box[0], Math.min(c.x, box[2]));
  const ny = Math.max(box[1], Math.min(c.y, box[3]));
  const r = c.r + pad;
  return (c.x - nx) ** 2 + (c.y - ny) ** 2 < r * r;
}

/** Whether a segment crosses a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: LinkSegment, box: Box): boolean {
  const [x1, y1, x2, y2] = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, x1 - box[0]) &&
    clip(dx, box[2] - x1) &&
    clip(-dy, y1 - box[1]) &&
    clip(dy, box[3] - y1) &&
    t0 <= t1
  );
}

/** A uniform grid of boxes, to find what lies near a label without looking at everything. */
class Grid {
  private readonly cells = new Map<number, number[]>();
  private readonly seen: number[] = [];
  private stamp = 0;
  private readonly stamps: number[] = [];
  constructor(private readonly size: number) {}

  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  add(id: number, box: Box): void {
    const [cx0, cy0, cx1, cy1] = this.range(box);
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const k = this.key(cx, cy);
        const cell = this.cells.get(k);
        if (cell) cell.push(id);
        else this.cells.set(k, [id]);
      }
  }

  query(box: Box): number[] {
    const [cx0, cy0, cx1, cy1] = this.range(box);
    this.stamp++;
    this.seen.length = 0;
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        for (const id of this.cells.get(this.key(cx, cy)) ?? []) {
          if (this.stamps[id] === this.stamp) continue;
          this.stamps[id] = this.stamp;
          this.seen.push(id);
        }
      }
    return [...this.seen];
  }

  private range(box: Box): [number, number, number, number] {
    const s = this.size;
    const c = (v: number) => Math.max(-32000, Math.min(32000, Math.floor(v / s)));
    return [c(box[0]), c(box[1]), c(box[2]), c(box[3])];
  }
}
