import { describe, expect, it } from 'vitest';
import { lcg } from '../number.js';
import { SpatialIndex } from './spatial-index.js';
import { nodeAt } from './viewport.js';

/** Nodes scattered over 960 × 600, denser in the middle; links between random pairs, some long. */
function graph(n: number, m: number, seed = 7) {
  const random = lcg(seed);
  const positions = new Float64Array(2 * n);
  const radii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const spread = random() < 0.7 ? 150 : 450;
    positions[2 * i] = 480 + (random() - 0.5) * spread * 2;
    positions[2 * i + 1] = 300 + (random() - 0.5) * spread * 1.2;
    radii[i] = 2 + random() * random() * 12;
  }
  const boxes = new Float64Array(4 * m);
  for (let j = 0; j < m; j++) {
    const a = Math.floor(random() * n);
    // Half the links join near neighbours in index order, half anyone: short and long boxes.
    const b = random() < 0.5 ? (a + 1 + Math.floor(random() * 3)) % n : Math.floor(random() * n);
    boxes[4 * j] = Math.min(positions[2 * a]!, positions[2 * b]!);
    boxes[4 * j + 1] = Math.min(positions[2 * a + 1]!, positions[2 * b + 1]!);
    boxes[4 * j + 2] = Math.max(positions[2 * a]!, positions[2 * b]!);
    boxes[4 * j + 3] = Math.max(positions[2 * a + 1]!, positions[2 * b + 1]!);
  }
  return { positions, radii, boxes };
}

const views: Array<[number, number, number, number]> = [
  [0, 0, 960, 600], // everything
  [400, 250, 520, 330], // the dense middle
  [-200, -200, 100, 80], // a corner, partly outside the layout
  [700.5, 10.25, 701.5, 590], // a thin strip
  [2000, 2000, 2100, 2100], // nowhere
];

const sorted = (out: Int32Array, count: number) => [...out.subarray(0, count)].sort((a, b) => a - b);

describe('SpatialIndex', () => {
  const { positions, radii, boxes } = graph(3000, 4500);
  const index = new SpatialIndex();
  index.rebuild(positions, radii, boxes);
  const out = new Int32Array(4500);

  it('finds exactly the nodes whose disc meets a box', () => {
    for (const [x0, y0, x1, y1] of views) {
      const expected: number[] = [];
      for (let i = 0; i < 3000; i++) {
        const x = positions[2 * i]!;
        const y = positions[2 * i + 1]!;
        const r = radii[i]!;
        if (x + r >= x0 && x - r <= x1 && y + r >= y0 && y - r <= y1) expected.push(i);
      }
      const count = index.nodesIn(x0, y0, x1, y1, out);
      expect(sorted(out, count)).toEqual(expected);
    }
    // A view of the middle holds a small part of the graph: culling has something to cull.
    expect(index.nodesIn(400, 250, 520, 330, out)).toBeLessThan(3000 / 4);
  });

  it('finds exactly the links whose box meets a box, each once, long links included', () => {
    for (const [x0, y0, x1, y1] of views) {
      const expected: number[] = [];
      for (let j = 0; j < 4500; j++)
        if (
          boxes[4 * j]! <= x1 &&
          boxes[4 * j + 2]! >= x0 &&
          boxes[4 * j + 1]! <= y1 &&
          boxes[4 * j + 3]! >= y0
        )
          expected.push(j);
      const count = index.linksIn(x0, y0, x1, y1, out);
      expect(sorted(out, count)).toEqual(expected);
    }
  });

  it('finds the node under a point as nodeAt does, tolerance included', () => {
    const random = lcg(11);
    let hits = 0;
    for (let k = 0; k < 2000; k++) {
      const p = { x: random() * 960, y: random() * 600 };
      const tolerance = k % 3;
      const expected = nodeAt({ positions, radii }, p, tolerance);
      expect(index.nodeAt(p.x, p.y, tolerance)).toBe(expected);
      if (expected >= 0) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('follows the layout when rebuilt: a moved node is found where it went', () => {
    const moved = Float64Array.from(positions);
    moved[0] = 5;
    moved[1] = 5;
    const again = new SpatialIndex();
    again.rebuild(moved, radii, boxes);
    expect(again.nodeAt(5, 5)).toBe(0);
    expect(again.nodeAt(positions[0]!, positions[1]!)).not.toBe(0);
    const count = again.nodesIn(0, 0, 10, 10, out);
    expect(sorted(out, count)).toContain(0);
  });

  it('handles an empty graph, a single node and stacked ones', () => {
    const empty = new SpatialIndex();
    empty.rebuild([], [], []);
    expect(empty.nodesIn(0, 0, 100, 100, out)).toBe(0);
    expect(empty.linksIn(0, 0, 100, 100, out)).toBe(0);
    expect(empty.nodeAt(1, 1)).toBe(-1);
    const one = new SpatialIndex();
    one.rebuild([10, 10], [3], []);
    expect(one.nodeAt(11, 11)).toBe(0);
    expect(one.nodesIn(12, 12, 50, 50, out)).toBe(1);
    expect(one.nodesIn(14, 14, 50, 50, out)).toBe(0);
    // Two discs on top of each other: the later one, drawn on top, is the one under the pointer.
    const stacked = new SpatialIndex();
    stacked.rebuild([10, 10, 10, 10, 40, 40], [3, 3, 3], []);
    expect(stacked.nodeAt(10, 10)).toBe(1);
  });
});
