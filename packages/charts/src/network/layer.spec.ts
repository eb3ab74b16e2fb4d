import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticNetwork } from '../../test/fixtures.js';
import { lcg } from '../number.js';
import { DIMMED, emphasisOf, labelTexts, paintScene, type CanvasFrame } from './canvas.js';
import { importanceOrder } from './labels.js';
import { NetworkPainter } from './layer.js';
import { networkScene } from './scene.js';
import { IDENTITY, type Viewport } from './viewport.js';

/** A 2D context that records what is drawn, with the alpha in force at each call. */
function recorder(width: number, height: number) {
  const calls: Array<{ name: string; args: unknown[]; alpha: number }> = [];
  const state: Record<string, unknown> = { globalAlpha: 1 };
  const canvas = { width, height };
  const ctx = new Proxy(
    { canvas },
    {
      get(target, key: string) {
        if (key in target) return (target as Record<string, unknown>)[key];
        if (key in state) return state[key];
        return (...args: unknown[]) => calls.push({ name: key, args, alpha: state.globalAlpha as number });
      },
      set(_, key: string, value) {
        state[key] = value;
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  const named = (name: string) => calls.filter((c) => c.name === name);
  return { ctx, calls, named, reset: () => (calls.length = 0) };
}

// 1,200 institutions scattered over the chart (the painter doesn't care how they got there).
const scene = networkScene(syntheticNetwork(1200, 1800, 6), { width: 800, height: 500 });
const paint = paintScene(scene);
const random = lcg(3);
const positions = Float64Array.from({ length: 2 * scene.nodes.length }, (_, i) =>
  i % 2 === 0 ? 20 + random() * 760 : 20 + random() * 460,
);
const order = importanceOrder(
  scene.nodes.map((n) => n.id),
  scene.nodes.map((n) => n.r),
  scene.nodes.map((n) => n.degree),
  scene.nodes.map((n) => n.betweenness),
);
const surface = { scale: 1, pixelRatio: 1, width: 800, height: 500 };

function frame(extra: Partial<CanvasFrame> = {}): CanvasFrame {
  return {
    positions,
    viewport: IDENTITY,
    emphasis: null,
    marked: new Set(),
    selected: -1,
    hovered: -1,
    order,
    ...extra,
  };
}

describe('NetworkPainter (layers drawn on the main thread, as where workers are missing)', () => {
  let layers: ReturnType<typeof recorder>[];
  let screen: ReturnType<typeof recorder>;
  let painter: NetworkPainter;
  const onlayer = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    layers = [];
    screen = recorder(800, 500);
    const createCanvas = () => {
      const layer = recorder(0, 0);
      layers.push(layer);
      return { width: 0, height: 0, getContext: () => layer.ctx } as unknown as HTMLCanvasElement;
    };
    painter = new NetworkPainter(paint, labelTexts(scene.nodes), onlayer, { worker: false, createCanvas });
  });

  afterEach(() => {
    painter.destroy();
    vi.useRealTimers();
  });

  const draw = (extra: Partial<CanvasFrame> = {}) => {
    screen.reset();
    painter.draw(screen.ctx, frame(extra), surface);
  };
  const image = () => {
    const calls = screen.named('drawImage');
    expect(calls).toHaveLength(1);
    const [, x, y, w, h] = calls[0]!.args as [unknown, number, number, number, number];
    return { x, y, w, h, alpha: calls[0]!.alpha };
  };

  it('draws the graph once into a layer, then pans by copying it', () => {
    draw();
    expect(layers).toHaveLength(1);
    expect(layers[0]!.named('arc').length + layers[0]!.named('rect').length).toBe(1200);
    const first = image();
    // A pan: no new layer, and nothing proportional to the graph drawn on screen.
    draw({ viewport: { x: 30, y: -20, k: 1 } });
    expect(layers).toHaveLength(1);
    const moved = image();
    expect(moved.x - first.x).toBe(30);
    expect(moved.y - first.y).toBe(-20);
    expect(moved.w).toBe(first.w);
    expect(screen.named('arc')).toHaveLength(0);
    expect(screen.named('lineTo')).toHaveLength(0);
  });

  it('scales the layer while zooming, and draws a sharp one once the zoom rests', () => {
    draw();
    const before = image();
    const zoomed: Viewport = { x: -1200, y: -750, k: 4 };
    draw({ viewport: zoomed });
    expect(layers).toHaveLength(1);
    expect(image().w).toBeCloseTo(4 * before.w);
    vi.advanceTimersByTime(200);
    expect(onlayer).toHaveBeenCalled();
    draw({ viewport: zoomed });
    expect(layers).toHaveLength(2);
    // The new layer covers the view and a margin, at the new zoom: copied 1:1.
    const sharp = image();
    expect(sharp.x).toBeLessThanOrEqual(0);
    expect(sharp.x + sharp.w).toBeGreaterThanOrEqual(800);
    // …which holds a part of the graph only.
    const drawn = layers[1]!.named('arc').length + layers[1]!.named('rect').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(1200 / 2);
  });

  it('dims the layer under a hovered node, whose partnerships and partners are drawn on top', () => {
    draw();
    const hovered = emphasisOf(paint, [7], []);
    draw({ emphasis: hovered, hovered: 7 });
    expect(layers).toHaveLength(1);
    expect(image().alpha).toBe(DIMMED);
    // The ego network on top, plus the hover ring.
    expect(screen.named('arc').length + screen.named('rect').length).toBe(hovered.nodeIndices.length + 1);
  });

  it('draws a large emphasis (a search) into the layer instead of on top of it', () => {
    draw();
    const half = Array.from({ length: 600 }, (_, i) => 2 * i);
    const search = emphasisOf(paint, half, []);
    draw({ emphasis: search });
    expect(layers).toHaveLength(2);
    expect(image().alpha).toBe(1);
    expect(screen.named('arc')).toHaveLength(0);
    // In the layer: everything dimmed, the matches at full strength on top.
    const alphas = layers[1]!.named('fill').map((c) => c.alpha);
    expect(Math.min(...alphas)).toBeCloseTo(DIMMED);
    expect(Math.max(...alphas)).toBe(1);
  });

  it('draws a new layer when the layout moves the nodes', () => {
    draw();
    const next = Float64Array.from(positions, (v) => v + 1);
    draw({ positions: next });
    expect(layers).toHaveLength(2);
    draw({ positions: next });
    expect(layers).toHaveLength(2);
  });
});
