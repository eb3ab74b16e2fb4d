import { syntheticNetwork } from '../../test/fixtures.js';
import { networkModel } from './model.js';
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../text.js';
import {
  chooseLabels,
  labelSpots,
  overlaps,
  placeForceLabels,
  segmentHitsBox,
  shorten,
  wrapLabel,
  type Box,
} from './labels.js';

describe('shorten(label, room, fontSize)', () => {
  it('keeps a label that fits', () => {
    expect(shorten('Alibaba Group', 200, 11)).toBe('Alibaba Group');
  });

  it('cuts at a word boundary when that keeps most of the room, with an ellipsis', () => {
    const text = shorten('Centre for Training and Employment Initiatives', 130, 11);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toBe('Centre for Training…');
    expect(estimateTextWidth(text, 11)).toBeLessThanOrEqual(130);
  });
});

describe('wrapLabel(label, room, fontSize, maxLines)', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Alibaba Group', 200, 11)).toEqual(['Alibaba Group']);
  });

  it('breaks a long one into two balanced lines at spaces', () => {
    const lines = wrapLabel('Hangzhou Development and Reform Commission', 190, 13);
    expect(lines).toEqual(['Hangzhou Development', 'and Reform Commission']);
  });

  it('shortens what does not fit in two lines', () => {
    const lines = wrapLabel(
      'International Business School (Cross-border E-commerce School) of Zhejiang Finance Vocational College',
      190,
      13,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(190);
  });

  it('drops a parenthesised aside before cutting a name, and never stops inside a parenthesis', () => {
    const name = 'Escuela de Negocios Internacionales (Escuela de Comercio Electrónico Transfronterizo)';
    expect(wrapLabel(name, 150, 13)).toEqual(['Escuela de Negocios', 'Internacionales']);
    // An aside that fits stays (an acronym people know the institution by).
    expect(wrapLabel('Centre for Training and Employment Initiatives (CIFE)', 255, 15).join(' ')).toContain(
      '(CIFE)',
    );
    for (const cut of [shorten(name, 300, 13), shorten('Escuela (Escuela de Comercio)', 90, 13)]) {
      expect(cut.endsWith('…')).toBe(true);
      expect(cut).not.toMatch(/\([^)]*$/u);
    }
  });

  it('breaks Chinese between characters, without adding spaces', () => {
    const lines = wrapLabel('杭州市发展和改革委员会与杭州市商务局联合工作组', 120, 12);
    expect(lines).toHaveLength(2);
    expect(lines.join('').replace('…', '')).toMatch(/^杭州市发展和改革委员会/);
    expect(lines.join('')).not.toContain(' ');
  });
});

describe('segmentHitsBox(segment, box)', () => {
  const box: Box = [10, 10, 20, 20];
  it('tells segments crossing, inside and outside a box apart', () => {
    expect(segmentHitsBox([0, 15, 30, 15], box)).toBe(true);
    expect(segmentHitsBox([12, 12, 18, 18], box)).toBe(true);
    expect(segmentHitsBox([0, 0, 30, 5], box)).toBe(false);
    expect(segmentHitsBox([0, 30, 30, 0], box)).toBe(true);
    expect(segmentHitsBox([0, 40, 40, 30], box)).toBe(false);
  });
});

describe('placeForceLabels(input)', () => {
  const f = 12;
  const node = (x: number, y: number, text: string) => ({ x, y, r: 6, lines: [text] });

  it('puts a label below its node when the spot is free', () => {
    const [label] = placeForceLabels({
      nodes: [node(100, 100, 'Alpha')],
      segments: [],
      order: [0],
      width: 300,
      height: 300,
      fontSize: f,
      labelAll: true,
      limit: 40,
    });
    expect(label).toMatchObject({ visible: true, x: 100, anchor: 'middle' });
    expect(label!.y).toBeGreaterThan(106);
  });

  it('moves a label away from a link crossing the spot below', () => {
    const [label] = placeForceLabels({
      nodes: [node(100, 100, 'Alpha')],
      segments: [[40, 118, 160, 118]],
      order: [0],
      width: 300,
      height: 300,
      fontSize: f,
      labelAll: true,
      limit: 40,
    });
    expect(label!.y).toBeLessThan(106);
  });

  it('never lets labels overlap each other or other nodes when choosing which to show', () => {
    const nodes = Array.from({ length: 30 }, (_, i) =>
      node(20 + (i % 6) * 40, 20 + Math.floor(i / 6) * 30, `Label ${i}`),
    );
    const placed = placeForceLabels({
      nodes,
      segments: [],
      order: nodes.map((_, i) => i),
      width: 260,
      height: 180,
      fontSize: f,
      labelAll: false,
      limit: 40,
    });
    const boxes = placed
      .map((p, i) => (p.visible ? labelSpots(nodes[i]!, estimateTextWidth(nodes[i]!.lines[0]!, f), f) : null))
      .filter(Boolean);
    expect(boxes.length).toBeGreaterThan(3);
    expect(boxes.length).toBeLessThan(30);
    const shown = placed
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.visible)
      .map(({ p, i }) => {
        const w = estimateTextWidth(nodes[i]!.lines[0]!, f) * 1.12;
        const x0 = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
        return [x0, p.y - 0.84 * f, x0 + w, p.y + 0.24 * f] as Box;
      });
    for (let a = 0; a < shown.length; a++)
      for (let b = a + 1; b < shown.length; b++) expect(overlaps(shown[a]!, shown[b]!)).toBe(false);
  });
});

describe('chooseLabels(spots, order, width, height, labelAll, limit)', () => {
  it('takes spots in order, skipping overlaps, up to the limit', () => {
    const spot = (x: number): { x: number; y: number; anchor: 'start'; box: Box } => ({
      x,
      y: 10,
      anchor: 'start',
      box: [x, 0, x + 20, 12],
    });
    const visible = chooseLabels(
      [spot(0), spot(10), spot(30), spot(60), null],
      [0, 1, 2, 3, 4],
      200,
      100,
      false,
      2,
    );
    expect(visible).toEqual([true, false, true, false, false]);
  });
});

describe('labels and lines', () => {
  it('steps a label off the lines around its node: few labels of a crowded graph cross a partnership', () => {
    const model = networkModel(syntheticNetwork(30, 45), { width: 800, height: 500 });
    const f = model.labelSize;
    let crossings = 0;
    for (const n of model.nodes.filter((node) => node.labelVisible)) {
      const w = Math.max(...n.labelLines.map((l) => estimateTextWidth(l, f)));
      const x0 =
        n.labelAnchor === 'start' ? n.labelX : n.labelAnchor === 'end' ? n.labelX - w : n.labelX - w / 2;
      const box: Box = [
        x0,
        n.labelY - 0.84 * f,
        x0 + w,
        n.labelY + (n.labelLines.length - 1) * 1.15 * f + 0.24 * f,
      ];
      for (const l of model.links)
        if (l.source !== n.id && l.target !== n.id && segmentHitsBox([l.x1, l.y1, l.x2, l.y2], box))
          crossings++;
    }
    // 19 with the eight spots next to each node only; the further ring brings it to 14.
    expect(crossings).toBeLessThanOrEqual(14);
  });
});
