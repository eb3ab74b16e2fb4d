import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  ZOOM_LIMITS,
  centreOn,
  constrain,
  isZoomed,
  nearestInDirection,
  nodeAt,
  panBy,
  toModel,
  toView,
  wheelFactor,
  zoomAt,
} from './viewport.js';

describe('zoomAt(viewport, at, factor)', () => {
  it('keeps the point under the pointer still', () => {
    const v = zoomAt({ x: 10, y: -20, k: 1.5 }, { x: 300, y: 200 }, 2);
    expect(v.k).toBe(3);
    const before = toModel({ x: 10, y: -20, k: 1.5 }, { x: 300, y: 200 });
    const after = toView(v, before);
    expect(after.x).toBeCloseTo(300);
    expect(after.y).toBeCloseTo(200);
  });

  it('stays within the zoom limits', () => {
    expect(zoomAt(IDENTITY, { x: 0, y: 0 }, 1000).k).toBe(ZOOM_LIMITS.max);
    expect(zoomAt(IDENTITY, { x: 0, y: 0 }, 0.001).k).toBe(ZOOM_LIMITS.min);
    const top = { x: 0, y: 0, k: ZOOM_LIMITS.max };
    expect(zoomAt(top, { x: 5, y: 5 }, 2)).toBe(top);
  });
});

describe('toModel / toView', () => {
  it('are inverse', () => {
    const v = { x: 12, y: -7, k: 2.5 };
    const p = toModel(v, toView(v, { x: 33, y: 44 }));
    expect(p.x).toBeCloseTo(33);
    expect(p.y).toBeCloseTo(44);
  });
});

describe('panBy, constrain, centreOn, isZoomed', () => {
  it('pans, but keeps part of the chart in view', () => {
    expect(panBy(IDENTITY, 5, -5)).toEqual({ x: 5, y: -5, k: 1 });
    const far = constrain(panBy(IDENTITY, 5000, -5000), 800, 500);
    expect(far.x).toBeLessThanOrEqual(800 * 0.8);
    expect(far.y).toBeGreaterThanOrEqual(500 * 0.2 - 500);
    expect(constrain(IDENTITY, 800, 500)).toBe(IDENTITY);
  });

  it('centres a point', () => {
    const v = centreOn({ x: 0, y: 0, k: 2 }, { x: 100, y: 50 }, 800, 500);
    expect(toView(v, { x: 100, y: 50 })).toEqual({ x: 400, y: 250 });
    expect(isZoomed(v)).toBe(true);
    expect(isZoomed(IDENTITY)).toBe(false);
  });
});

describe('wheelFactor(deltaY, deltaMode)', () => {
  it('zooms in on wheel up, out on wheel down, faster with lines and pinch (ctrl)', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-75, 0));
    expect(wheelFactor(-10, 0, true)).toBeCloseTo(wheelFactor(-100, 0));
  });
});

describe('nodeAt(nodes, point, tolerance)', () => {
  const nodes = { positions: [10, 10, 30, 10, 100, 100], radii: [5, 8, 3] };
  it('finds the disc under a point, the nearest when discs overlap, -1 on the background', () => {
    expect(nodeAt(nodes, { x: 11, y: 11 })).toBe(0);
    expect(nodeAt(nodes, { x: 28, y: 12 })).toBe(1);
    expect(nodeAt(nodes, { x: 60, y: 60 })).toBe(-1);
    expect(nodeAt(nodes, { x: 104, y: 100 })).toBe(-1);
    expect(nodeAt(nodes, { x: 104, y: 100 }, 2)).toBe(2);
  });
});

describe('nearestInDirection(positions, from, direction)', () => {
  // A plus sign around node 0, plus one far diagonal.
  const positions = [0, 0, 10, 1, -10, 0, 0, -10, 1, 12, 50, 50];
  it('moves to the closest node that way', () => {
    expect(nearestInDirection(positions, 0, 'right')).toBe(1);
    expect(nearestInDirection(positions, 0, 'left')).toBe(2);
    expect(nearestInDirection(positions, 0, 'up')).toBe(3);
    expect(nearestInDirection(positions, 0, 'down')).toBe(4);
  });
  it('returns -1 when nothing lies that way', () => {
    expect(nearestInDirection(positions, 2, 'left')).toBe(-1);
  });
});
