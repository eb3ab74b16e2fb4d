/**
 * Timings of the network model at programme scale (`npm run bench` in packages/charts).
 * Not a test: numbers depend on the machine, so nothing here fails on them.
 */
import { render } from 'svelte/server';
import { bench, describe } from 'vitest';
import { betweenness } from '../src/network/betweenness.js';
import { networkModel } from '../src/network/model.js';
import NetworkGraph from '../src/network/NetworkGraph.svelte';
import { syntheticNetwork } from '../test/fixtures.js';

const big = syntheticNetwork(2000, 3000, 2);
const many = syntheticNetwork(2000, 3000, 12);
const index = new Map(big.nodes.map((n, i) => [n.id, i]));
const bigModel = networkModel(big, { width: 1200, height: 800 });
const edges = big.links.map((l) => [index.get(l.source)!, index.get(l.target)!] as const);

describe('2,000 institutions, 3,000 partnerships', () => {
  bench('betweenness (Brandes)', () => {
    betweenness(big.nodes.length, edges);
  });
  bench('networkModel force (default ticks: 60)', () => {
    networkModel(big, { width: 1200, height: 800 });
  });
  bench('networkModel force, 300 ticks', () => {
    networkModel(big, { width: 1200, height: 800, ticks: 300 });
  });
  bench('networkModel bridge, 2 cities', () => {
    networkModel(big, { width: 1200, height: 800, layout: 'bridge' });
  });
  bench('networkModel bridge, 12 cities', () => {
    networkModel(many, { width: 1200, height: 800, layout: 'bridge' });
  });
  bench('NetworkGraph server render (SVG string)', () => {
    // Reading .body does the work (the result is lazy).
    if (render(NetworkGraph, { props: { model: bigModel, title: 'Network' } }).body.length === 0) {
      throw new Error('empty render');
    }
  });
});
