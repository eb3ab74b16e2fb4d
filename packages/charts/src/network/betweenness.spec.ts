import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.js';
import { networkScene } from './scene.js';
import type { NetworkData } from './types.js';

/** A path of hubs, each hub with `leaves` leaves: the hubs carry every shortest path between their leaves. */
function hubsAndLeaves(hubs: number, leaves: number): { n: number; edges: Array<[number, number]> } {
  const edges: Array<[number, number]> = [];
  let n = hubs;
  for (let h = 0; h < hubs; h++) {
    if (h > 0) edges.push([h - 1, h]);
    for (let l = 0; l < leaves; l++) edges.push([h, n++]);
  }
  return { n, edges };
}

describe('betweenness(nodeCount, edges, { pivots })', () => {
  it('is exact when the pivots are at least the connected nodes', () => {
    const { n, edges } = hubsAndLeaves(3, 4);
    expect(Array.from(betweenness(n, edges, { pivots: n }))).toEqual(Array.from(betweenness(n, edges)));
  });

  it('estimates from a sample: same seed, same result; close to the exact values; hubs stay on top', () => {
    const { n, edges } = hubsAndLeaves(20, 150); // 3,020 nodes
    const exact = betweenness(n, edges);
    const estimate = betweenness(n, edges, { pivots: 300, seed: 7 });
    expect(Array.from(betweenness(n, edges, { pivots: 300, seed: 7 }))).toEqual(Array.from(estimate));
    expect(Array.from(betweenness(n, edges, { pivots: 300, seed: 8 }))).not.toEqual(Array.from(estimate));
    // Every hub scores above every leaf (leaves lie on no path), and the middle hubs within 25% of the truth.
    const leafMax = Math.max(...Array.from(estimate.slice(20)));
    expect(leafMax).toBe(0);
    for (let h = 0; h < 20; h++) expect(estimate[h]).toBeGreaterThan(0);
    for (const h of [8, 9, 10, 11]) {
      expect(Math.abs(estimate[h]! - exact[h]!) / exact[h]!).toBeLessThan(0.25);
    }
  });
});

describe('networkScene(data, options): betweenness past 3,000 institutions', () => {
  it('is estimated from 400 pivots and says so; exact (null) below', () => {
    const ring = (n: number): NetworkData => ({
      nodes: Array.from({ length: n }, (_, i) => ({
        id: `n${i}`,
        label: `N${i}`,
        city: 'A',
        country: 'ES',
        type: 'other',
        trained: 0,
      })),
      links: Array.from({ length: n }, (_, i) => ({
        id: `l${i}`,
        source: `n${i}`,
        target: `n${(i + 1) % n}`,
        status: 'active',
        area: 'other',
        milestones: 0,
      })),
    });
    const options = { width: 960, height: 600 };
    expect(networkScene(ring(3001), options).betweennessPivots).toBe(400);
    expect(networkScene(ring(300), options).betweennessPivots).toBeNull();
  });
});
