/**
 * The bridge layout: each city on its own side, cooperation across the middle. Positions and label
 * places come out of one pass, and labels keep their place relative to their node wherever it is moved.
 */
import { max } from 'd3-array';
import type { InstitutionType } from '@puente/data/schema';
import { INSTITUTION_TYPE_ORDER, compareStrings } from '../palette.js';
import { clamp, round2 } from '../number.js';
import { estimateTextWidth } from '../text.js';
import { chooseLabels, LINE_HEIGHT, wrapLabel, type LabelAnchor, type LabelSpot } from './labels.js';
import { LABEL_ALL_UP_TO, labelsAll, PADDING } from './scene.js';
import type { NetworkHeading, NetworkScene } from './types.js';

export interface BridgeLayout {
  /** By node index, as in `scene.nodes`. */
  placements: Placement[];
  /** The cities' names over their columns (one or two cities). */
  headings: NetworkHeading[];
}

/** Where the bridge layout puts a node and its label. */
export interface Placement {
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

const typeRank = (type: InstitutionType): number => {
  const i = INSTITUTION_TYPE_ORDER.indexOf(type);
  return i < 0 ? INSTITUTION_TYPE_ORDER.length : i;
};

/**
 * Each city on its own side: with one or two cities, vertical columns (first city by name on the
 * left); with more, arcs of a circle, one sector per city. Within a city, institutions go by type
 * (contract order: government first), then by number of partnerships, then by name. A city with
 * more institutions than fit in one column (arc) gets further columns (rings) on its inner side.
 */
export function bridgeLayout(scene: NetworkScene): BridgeLayout {
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
    const longest = max(nodes, (n) => estimateTextWidth(n.label, f)) ?? 0;
    const labelRoom = clamp(longest + 8, 40, width * 0.3);
    // A band at the top for the cities' names.
    const top = PADDING + f * 2;
    members.forEach((group, c) => {
      const side = cities.length === 1 ? 1 : c === 0 ? -1 : 1; // -1 left, +1 right
      const rMax = max(group, (i) => nodes[i]!.r) ?? 0;
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
    const rMax = max(group, (i) => nodes[i]!.r) ?? 0;
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

/** Node positions of a bridge layout, `[x0, y0, x1, y1, …]`. */
export function bridgePositions(bridge: BridgeLayout): Float64Array {
  return Float64Array.from(bridge.placements.flatMap((p) => [p.x, p.y]));
}

/**
 * Labels of a bridge layout with nodes at (xs, ys): beside each node as the layout placed them, wrapped
 * or shortened to the room there, shown in order of importance where they fit.
 */
export function bridgeLabels(
  scene: NetworkScene,
  bridge: BridgeLayout,
  xs: readonly number[],
  ys: readonly number[],
  order: readonly number[],
): Array<{ visible: boolean; lines: string[]; x: number; y: number; anchor: LabelAnchor }> {
  const { width, height, labelSize: f } = scene;
  const spots = bridge.placements.map((p, i) => {
    const lines = wrapLabel(scene.nodes[i]!.label, p.labelRoom, f, p.labelLines);
    const w = max(lines, (line) => estimateTextWidth(line, f)) ?? 0;
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
    labelsAll(scene),
    LABEL_ALL_UP_TO,
  );
  return spots.map((s, i) => ({
    visible: visible[i]!,
    lines: s.lines,
    x: s.spot.x,
    y: s.spot.y,
    anchor: s.spot.anchor,
  }));
}
