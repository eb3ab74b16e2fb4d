import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.js';

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
