import { describe, expect, it } from 'vitest';
import { pickScreenLabels, type ScreenLabelInput } from './canvas-labels.js';
import { overlaps } from './labels.js';
import { IDENTITY } from './viewport.js';

/**
 * A row of nodes 30 units apart on a 600 × 100 chart, shown 600 × 100 CSS px at zoom 1: node 0 is the
 * largest, the rest small (radius 2); labels are 80 px wide, wider than the gap between nodes.
 */
function row(count = 20, extra: Partial<ScreenLabelInput> = {}): ScreenLabelInput {
  const positions: number[] = [];
  for (let i = 0; i < count; i++) positions.push(15 + 30 * i, 40);
  const radii = Array.from({ length: count }, (_, i) => (i === 0 ? 6 : 2));
  return {
    positions,
    radii,
    widths: radii.map(() => 80),
    // Most important first: 0, then every other node from the end, then the rest.
    order: Array.from({ length: count }, (_, i) => i).sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : b - a)),
    forced: [],
    preferred: new Set(),
    eligible: null,
    viewport: IDENTITY,
    scale: 1,
    width: 600,
    height: 100,
    fontSize: 12,
    limit: 30,
    minRadius: 3,
    ...extra,
  };
}

const indices = (input: ScreenLabelInput) => pickScreenLabels(input).map((l) => l.index);
/** Zoom k about the row's left end, the row staying at the same height on screen. */
const at = (k: number) => ({ x: 0, y: 40 - 40 * k, k });

describe('pickScreenLabels(input)', () => {
  it('labels only nodes big enough on screen, so labels appear as one zooms in', () => {
    expect(indices(row())).toEqual([0]);
    // Zoomed in 2×, the small discs are 4 px: those in view get labels, most important first, every
    // other one (neighbours are 60 px apart, labels 80 px wide). 11 to 19 are out of view; 10 is too,
    // but the left end of its label would show.
    expect(indices(row(20, { viewport: at(2) }))).toEqual([0, 10, 8, 6, 4, 2]);
  });

  it('never lets labels overlap, and keeps the more important of two that would', () => {
    const labels = pickScreenLabels(row(20, { viewport: at(3) }));
    expect(labels.length).toBeGreaterThan(3);
    for (const a of labels) for (const b of labels) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
    // Nodes 1 and 2 (60 px apart at this zoom, labels 80 px wide) can't both have one; 0 and 2 can.
    expect(indices(row(3, { viewport: at(2), order: [2, 1, 0] }))).toEqual([2, 0]);
    expect(indices(row(3, { viewport: at(2), order: [1, 2, 0] }))).toEqual([1]);
  });

  it('keeps text at the same size on screen whatever the zoom', () => {
    const boxes = [1, 2, 6].map((k) => pickScreenLabels(row(20, { viewport: at(k) }))[0]!.box);
    for (const box of boxes) {
      expect(box[3] - box[1]).toBeCloseTo(12 * 1.08);
      expect(box[2] - box[0]).toBe(80);
    }
    // Below its disc, which grows with the zoom.
    expect(boxes[2]![1]).toBeGreaterThan(boxes[0]![1]);
  });

  it('stops at the limit, most important first', () => {
    // Narrow labels that all fit: the limit is what stops them.
    const narrow = Array<number>(20).fill(10);
    expect(indices(row(20, { viewport: at(2), widths: narrow, limit: 3 }))).toEqual([0, 9, 8]);
    expect(indices(row(20, { viewport: at(2), widths: narrow }))).toHaveLength(10);
  });

  it('skips nodes out of view', () => {
    // Panned so that only the right half of the row is in view.
    const panned = indices(row(20, { viewport: { ...at(2), x: -300 }, widths: Array<number>(20).fill(10) }));
    expect(panned.length).toBeGreaterThan(0);
    for (const i of panned) expect((15 + 30 * i) * 2 - 300).toBeGreaterThan(-10);
    expect(panned).not.toContain(0);
  });

  it('always labels the hovered and selected nodes, even small or overlapping, then search marks', () => {
    const forced = pickScreenLabels(row(20, { forced: [7, -1, 8] }));
    expect(forced.map((l) => l.index)).toEqual([7, 8, 0]);
    expect(overlaps(forced[0]!.box, forced[1]!.box)).toBe(true);
    const marked = indices(row(20, { viewport: at(2), preferred: new Set([4]) }));
    expect(marked).toEqual([4, 0, 10, 8, 6, 2]);
  });

  it('labels only emphasised nodes when some are, besides the forced ones', () => {
    const eligible = Array.from({ length: 20 }, (_, i) => i === 4);
    const emphasised = indices(row(20, { viewport: at(2), eligible, forced: [9] }));
    expect(emphasised).toEqual([9, 4]);
  });
});
