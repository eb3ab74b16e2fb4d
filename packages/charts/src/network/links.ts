/**
 * Link geometry: the curve of each partnership between its two institutions (straight, bent apart when
 * several share a pair, or across the middle in the bridge layout) and its SVG path. The canvas draws the
 * same curves.
 */
import { round2 } from '../number.js';
import type { NetworkLink } from './types.js';

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

/**
 * A link curve as straight pieces `[x1, y1, x2, y2]` (a line is one piece, a curve `pieces` of them), close enough
 * to the drawn path that label placement can keep labels off the line as it is drawn, bends included.
 */
export function curveSegments(
  s: { x: number; y: number },
  t: { x: number; y: number },
  curve: LinkCurve,
  pieces = 8,
): Array<[number, number, number, number]> {
  if (curve.kind === 'line') return [[s.x, s.y, t.x, t.y]];
  const at = (u: number): [number, number] => {
    const v = 1 - u;
    if (curve.kind === 'quad')
      return [
        v * v * s.x + 2 * v * u * curve.qx + u * u * t.x,
        v * v * s.y + 2 * v * u * curve.qy + u * u * t.y,
      ];
    return [
      v * v * v * s.x + 3 * v * v * u * curve.c1x + 3 * v * u * u * curve.c2x + u * u * u * t.x,
      v * v * v * s.y + 3 * v * v * u * curve.c1y + 3 * v * u * u * curve.c2y + u * u * u * t.y,
    ];
  };
  const segments: Array<[number, number, number, number]> = [];
  let [px, py] = [s.x, s.y];
  for (let k = 1; k <= pieces; k++) {
    const [x, y] = at(k / pieces);
    segments.push([px, py, x, y]);
    [px, py] = [x, y];
  }
  return segments;
}

/** Sideways offsets (px) for links between the same pair of institutions: 0 for a single link. */
export function parallelOffsets(links: readonly NetworkLink[]): number[] {
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
