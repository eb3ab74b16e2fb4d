import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou, syntheticNetwork } from '../../test/fixtures.js';
import { drawNetwork, type CanvasFrame } from './canvas.js';
import { importanceOrder } from './labels.js';
import { scenePositions } from './model.js';
import { networkScene } from './scene.js';
import type { NetworkScene } from './types.js';
import { IDENTITY } from './viewport.js';

/** A 2D context that records what is drawn. */
function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(
    { canvas: { width: 800, height: 500 } },
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
