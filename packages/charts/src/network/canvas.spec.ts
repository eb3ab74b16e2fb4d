import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou, syntheticNetwork } from '../../test/fixtures.js';
import { drawNetwork, emphasisOf, paintScene, type CanvasFrame } from './canvas.js';
import { networkEmphasis } from './highlight.js';
import { importanceOrder, shorten } from './labels.js';
import { scenePositions } from './model.js';
import { networkScene } from './scene.js';
import type { NetworkScene } from './types.js';
import { IDENTITY } from './viewport.js';

/** A 2D context that records what is drawn. */
function recorder(base: Record<string, unknown> = {}) {
  const calls: Array<[string, unknown[]]> = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(
    { canvas: { width: 800, height: 500 }, ...base },
    {
      get(target, key: string) {
        if (key in target) return (target as Record<string, unknown>)[key];
        if (key in state) return state[key];
        return (...args: unknown[]) => calls.push([key, args]);
      },
      set(_, key: string, value) {
        state[key] = value;
        calls.push([`=${key}`, [value]]);
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, count: (name: string) => calls.filter(([n]) => n === name).length };
}

function frame(scene: NetworkScene, extra: Partial<CanvasFrame> = {}): CanvasFrame {
  return {
    positions: scenePositions(scene),
    viewport: IDENTITY,
    emphasis: null,
    marked: new Set(),
    selected: -1,
    hovered: -1,
    order: importanceOrder(
      scene.nodes.map((n) => n.id),
      scene.nodes.map((n) => n.r),
      scene.nodes.map((n) => n.degree),
      scene.nodes.map((n) => n.betweenness),
    ),
    ...extra,
  };
}

const surface = { scale: 1, pixelRatio: 2, width: 800, height: 500 };

describe('drawNetwork(ctx, scene, frame, surface)', () => {
  it('draws every node as a disc and every link, batched by look', () => {
    const scene = networkScene(syntheticNetwork(300, 450, 3), { width: 800, height: 500 });
    const { ctx, count } = recorder();
    drawNetwork(ctx, scene, frame(scene), surface);
    expect(count('arc')).toBe(300);
    expect(count('lineTo') + count('quadraticCurveTo') + count('bezierCurveTo')).toBe(scene.links.length);
    // Batches, not one stroke per link.
    expect(count('stroke')).toBeLessThan(scene.links.length / 3);
  });

  it('scales to the device pixels, zoom and pan', () => {
    const scene = networkScene(fuenlabradaHangzhou, { width: 800, height: 500 });
    const { ctx, calls } = recorder();
    drawNetwork(ctx, scene, frame(scene, { viewport: { x: 10, y: 20, k: 3 } }), { ...surface, scale: 0.5 });
    const transforms = calls.filter(([n]) => n === 'setTransform').map(([, args]) => args);
    expect(transforms[1]).toEqual([3, 0, 0, 3, 10, 20]);
  });

  it('labels the most important nodes, a limited number, and rings marks and the selection', () => {
    const scene = networkScene(syntheticNetwork(300, 450, 3), { width: 800, height: 500 });
    const { ctx, count } = recorder();
    drawNetwork(ctx, scene, frame(scene, { marked: new Set([1, 2]), selected: 5 }), surface);
    expect(count('fillText')).toBeGreaterThan(0);
    expect(count('fillText')).toBeLessThanOrEqual(30);
    // 300 discs + 2 marks + 1 selection
    expect(count('arc')).toBe(303);
  });

  it('sets each label drawn untranslated in its own language, as the SVG does, then the page’s again', () => {
    // A context with `lang` (Chromium's): a Spanish name on a Chinese page, the others translated.
    const nodes = fuenlabradaHangzhou.nodes.map((n, i) => (i === 0 ? { ...n, labelLang: 'es' } : n));
    const scene = networkScene({ ...fuenlabradaHangzhou, nodes }, { width: 800, height: 500 });
    const { ctx, calls } = recorder({ lang: 'inherit' });
    drawNetwork(ctx, scene, frame(scene, { selected: 0 }), surface);
    // The language in force at each label drawn.
    let lang = 'inherit';
    const drawn: Array<[string, string]> = [];
    for (const [name, args] of calls) {
      if (name === '=lang') lang = args[0] as string;
      if (name === 'fillText') drawn.push([args[0] as string, lang]);
    }
    const spanish = scene.nodes.findIndex((n) => n.labelLang === 'es');
    expect(drawn.filter(([, l]) => l === 'es').map(([t]) => t)).toEqual([
      shorten(scene.nodes[spanish]!.label, 18 * 12, 12),
    ]);
    expect(drawn.length).toBeGreaterThan(1);
    expect(lang).toBe('inherit');
  });

  it('leaves a context without lang as it is', () => {
    const nodes = fuenlabradaHangzhou.nodes.map((n) => ({ ...n, labelLang: 'es' }));
    const scene = networkScene({ ...fuenlabradaHangzhou, nodes }, { width: 800, height: 500 });
    const { ctx, calls, count } = recorder();
    drawNetwork(ctx, scene, frame(scene, { selected: 0 }), surface);
    expect(count('fillText')).toBeGreaterThan(0);
    expect(calls.some(([n]) => n === '=lang')).toBe(false);
  });

  it('draws only what is in view when zoomed in', () => {
    const scene = networkScene(syntheticNetwork(300, 450, 3), { width: 800, height: 500 });
    const { ctx, calls, count } = recorder();
    // Zoom 4 on the middle: a quarter of the chart's width and height is in view.
    const viewport = { x: -1200, y: -750, k: 4 };
    const f = frame(scene, { viewport });
    drawNetwork(ctx, scene, f, surface);
    const discs = calls.filter(([n]) => n === 'arc').map(([, [x, y, r]]) => [x, y, r] as number[]);
    expect(discs.length).toBeGreaterThan(0);
    expect(discs.length).toBeLessThan(300 / 3);
    for (const [x, y, r] of discs) {
      expect(x! + r!).toBeGreaterThanOrEqual(300);
      expect(x! - r!).toBeLessThanOrEqual(500);
      expect(y! + r!).toBeGreaterThanOrEqual(187.5);
      expect(y! - r!).toBeLessThanOrEqual(312.5);
    }
    expect(count('lineTo') + count('quadraticCurveTo')).toBeLessThan(scene.links.length);
    // Straight links are cut at the edges of the view (widened by the line's width).
    const ends = calls.filter(([n]) => n === 'lineTo').map(([, [x, y]]) => [x, y] as number[]);
    const pad = Math.max(...scene.links.map((l) => l.width)) + 1e-9;
    for (const [x, y] of ends) {
      expect(x).toBeGreaterThanOrEqual(300 - pad);
      expect(x).toBeLessThanOrEqual(500 + pad);
      expect(y).toBeGreaterThanOrEqual(187.5 - pad);
      expect(y).toBeLessThanOrEqual(312.5 + pad);
    }
  });

  it('zoomed out, draws small discs as squares and thin links as hairlines, one path per look', () => {
    const scene = networkScene(syntheticNetwork(300, 450, 3), { width: 800, height: 500 });
    const { ctx, calls, count } = recorder();
    // 0.3 CSS px per unit at zoom 0.5, on a screen of 1 device px per CSS px: discs are 0.3–1.1 px.
    const small = { scale: 0.3, pixelRatio: 1, width: 240, height: 150 };
    drawNetwork(ctx, scene, frame(scene, { viewport: { x: 60, y: 37.5, k: 0.5 } }), small);
    expect(count('arc')).toBe(0);
    expect(count('rect')).toBe(300);
    const px = 0.5 * 0.3;
    const widths = calls.filter(([n]) => n === '=lineWidth').map(([, [w]]) => (w as number) * px);
    expect(Math.max(...widths)).toBeLessThanOrEqual(1);
    // Dash patterns this fine are drawn solid.
    const dashes = calls.filter(([n]) => n === 'setLineDash').map(([, [d]]) => (d as number[]).length);
    expect(Math.max(...dashes)).toBe(0);
    const looks = new Set(scene.nodes.map((n) => `${n.context}|${n.color}`)).size;
    expect(count('fill')).toBeLessThanOrEqual(looks);
    const linkLooks = new Set(scene.links.map((l) => `${l.status}|${l.width}`)).size;
    expect(count('stroke')).toBeLessThanOrEqual(linkLooks + looks);
  });

  it('dims what is not emphasised', () => {
    const scene = networkScene(fuenlabradaHangzhou, { width: 800, height: 500 });
    const { ctx, calls } = recorder();
    const emphasis = { nodes: scene.nodes.map((_, i) => i === 0), links: scene.links.map(() => false) };
    drawNetwork(ctx, scene, frame(scene, { emphasis }), surface);
    const alphas = calls.filter(([n]) => n === '=globalAlpha').map(([, [a]]) => a as number);
    expect(Math.min(...alphas)).toBeLessThan(0.2);
    expect(Math.max(...alphas)).toBe(1);
  });
});

describe('emphasisOf(paint, nodes, links)', () => {
  it('emphasises what networkEmphasis does, by index, with lists of the emphasised', () => {
    const scene = networkScene(syntheticNetwork(300, 450, 3), { width: 800, height: 500 });
    const paint = paintScene(scene);
    const cases: Array<{ nodes: number[]; links: number[] }> = [
      { nodes: [7], links: [] },
      { nodes: [], links: [12] },
      { nodes: [3, 150], links: [40] },
      { nodes: [], links: [] },
    ];
    for (const { nodes, links } of cases) {
      const ids = [...nodes.map((i) => scene.nodes[i]!.id), ...links.map((j) => scene.links[j]!.id)];
      const byId = networkEmphasis(scene, ids.length ? ids : ['nobody'])!;
      const e = emphasisOf(paint, nodes, links);
      const strongNodes = scene.nodes.flatMap((n, i) => (byId.nodes[n.id] ? [i] : []));
      const strongLinks = scene.links.flatMap((l, j) => (byId.links[l.id] ? [j] : []));
      expect([...e.nodeIndices]).toEqual(strongNodes);
      expect([...e.linkIndices]).toEqual(strongLinks);
      expect(scene.nodes.filter((_, i) => e.nodes[i]).length).toBe(strongNodes.length);
      expect(scene.links.filter((_, j) => e.links[j]).length).toBe(strongLinks.length);
    }
    // A node brings its partnerships and partners.
    expect(emphasisOf(paint, [7], []).linkIndices.length).toBe(scene.nodes[7]!.degree);
  });
});
