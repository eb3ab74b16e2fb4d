import { describe, expect, it } from 'vitest';
import { syntheticNetwork } from '../../test/fixtures.js';
import { forceLayout } from './force.js';
import { startLayout, type LayoutUpdate } from './layout-client.js';
import { scenePositions } from './model.js';
import { forceInput, networkScene } from './scene.js';

const scene = networkScene(syntheticNetwork(80, 120, 2), { width: 800, height: 500 });

function collect(ticks?: number): Promise<LayoutUpdate[]> {
  return new Promise((resolve) => {
    const updates: LayoutUpdate[] = [];
    startLayout(scene, {
      ticks,
      onupdate(update) {
        updates.push(update);
        if (update.done >= update.ticks) resolve(updates);
      },
    });
  });
}

describe('startLayout(scene, options) without Web Workers (the main-thread fallback)', () => {
  it('reports positions as the layout settles, ending where the server would', async () => {
    const updates = await collect(50);
    expect(updates.length).toBeGreaterThan(0);
    const last = updates.at(-1)!;
    expect(last.done).toBe(50);
    expect([...last.positions]).toEqual([...forceLayout(forceInput(scene, 50))]);
  });

  it('lays out the bridge layout in one go', async () => {
    const bridge = { ...scene, layout: 'bridge' as const, ticks: 0 };
    const update = await new Promise<LayoutUpdate>((resolve) => startLayout(bridge, { onupdate: resolve }));
    expect([...update.positions]).toEqual([...scenePositions(bridge)]);
  });
});
