import { describe, expect, it } from 'vitest';
import { syntheticNetwork } from '../../test/fixtures.js';
import { fitToBox, forceLayout, forceRun, type ForceInput } from './force.js';
import { forceInput, networkScene } from './scene.js';

const margins = { top: 10, right: 10, bottom: 10, left: 10 };

function input(nodes = 60, links = 90, ticks = 80): ForceInput {
  return forceInput(networkScene(syntheticNetwork(nodes, links, 2), { width: 800, height: 500 }), ticks);
}

describe('fitToBox(xs, ys, radii, box)', () => {
  it('fills the box inside the margins, keeping proportions within the stretch limit', () => {
    const { positions } = fitToBox([0, 200, 0, 200], [0, 0, 200, 200], [1, 1, 1, 1], {
      width: 400,
      height: 200,
      margins,
    });
    const xs = [positions[0]!, positions[2]!];
    const ys = [positions[1]!, positions[5]!];
    // Square layout in a 2:1 box: fills the height, and is stretched 1.5× wide (not 2×).
    expect(Math.min(...ys)).toBeCloseTo(11);
    expect(Math.max(...ys)).toBeCloseTo(189);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width / height).toBeCloseTo(1.5, 1);
    expect((xs[0]! + xs[1]!) / 2).toBeCloseTo(200);
  });

  it('never enlarges a tiny layout more than 2.5×', () => {
    const { positions, fit } = fitToBox([0, 10], [0, 0], [2, 2], { width: 1000, height: 1000, margins });
    expect(fit.sx).toBe(2.5);
    expect(positions[2]! - positions[0]!).toBeCloseTo(25);
  });

  it('keeps every disc inside the box, even far-flung ones left out of the bounds', () => {
    const n = 400;
    const xs = Array.from({ length: n }, (_, i) => (i === 0 ? 1e5 : (i % 20) * 10));
    const ys = Array.from({ length: n }, (_, i) => Math.floor(i / 20) * 10);
    const radii = new Array<number>(n).fill(3);
    const { positions } = fitToBox(xs, ys, radii, { width: 300, height: 300, margins });
    for (let i = 0; i < n; i++) {
      expect(positions[2 * i]!).toBeGreaterThanOrEqual(13);
      expect(positions[2 * i]!).toBeLessThanOrEqual(287);
    }
    // The outlier didn't squash the rest into a corner.
    expect(positions[2 * 19]! - positions[2 * 1]!).toBeGreaterThan(100);
  });

  it('handles no nodes', () => {
    expect(fitToBox([], [], [], { width: 10, height: 10, margins }).positions).toHaveLength(0);
  });
});

describe('forceRun(input)', () => {
  it('gives the same positions stepped in slices as run at once (a worker and the server agree)', () => {
    const once = forceLayout(input());
    const run = forceRun(input());
    const slices: number[] = [];
    while (!run.step(7)) slices.push(run.done);
    expect(run.done).toBe(80);
    expect(slices.length).toBeGreaterThan(5);
    expect([...run.positions()]).toEqual([...once]);
  });

  it('never runs past its budget', () => {
    const run = forceRun(input(60, 60, 10));
    expect(run.ticks).toBe(10);
    expect(run.step(100)).toBe(true);
    expect(run.done).toBe(10);
    expect(run.step(1)).toBe(true);
    expect(run.done).toBe(10);
  });

  it('gives small, fully labelled graphs a third more ticks to make room for the labels', () => {
    const small = forceInput(networkScene(syntheticNetwork(20, 20, 2), { width: 800, height: 500 }), 30);
    expect(small.labelRadii).toHaveLength(20);
    expect(forceRun(small).ticks).toBe(40);
    expect(input(60, 60, 30).labelRadii).toBeUndefined();
  });

  it('holds a pinned node where it was put, in box coordinates', () => {
    const run = forceRun(input(40, 60, 60));
    run.step(20);
    run.positions();
    run.pin(3, 123, 234);
    run.step(40);
    const positions = run.positions();
    // The fit moves a little as the others settle; the node stays near where it was put.
    expect(Math.abs(positions[6]! - 123)).toBeLessThan(40);
    expect(Math.abs(positions[7]! - 234)).toBeLessThan(40);
  });
});
