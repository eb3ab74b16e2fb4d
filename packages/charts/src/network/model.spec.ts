import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou, syntheticNetwork } from '../../test/fixtures.js';
import { INSTITUTION_TYPE_COLORS, OKABE_ITO, OTHER_COLOR } from '../palette.js';
import { betweenness } from './betweenness.js';
import { networkEmphasis } from './highlight.js';
import { networkModel, type NetworkData, type NetworkModel } from './model.js';

const size = { width: 800, height: 500 };

function graph(edges: Array<[string, string]>, extra: string[] = []): NetworkData {
  const ids = [...new Set([...edges.flat(), ...extra])];
  return {
    nodes: ids.map((id) => ({ id, label: id, city: 'A', country: 'ES', type: 'other', trained: 0 })),
    links: edges.map(([source, target], i) => ({
      id: `l${i}`,
      source,
      target,
      status: 'active',
      area: 'other',
      milestones: 1,
    })),
  };
}

function shuffled<T>(items: readonly T[]): T[] {
  // A fixed permutation (reverse, then odd/even interleave) is enough to break any order reliance.
  const reversed = [...items].reverse();
  return [...reversed.filter((_, i) => i % 2 === 1), ...reversed.filter((_, i) => i % 2 === 0)];
}

const byId = (model: NetworkModel) => new Map(model.nodes.map((n) => [n.id, n]));

describe('networkModel(data, options)', () => {
  it('is deterministic: same data, options and seed give an identical model', () => {
    const a = networkModel(fuenlabradaHangzhou, { ...size, seed: 42 });
    const b = networkModel(structuredClone(fuenlabradaHangzhou), { ...size, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('does not depend on the order of nodes and links in the input', () => {
    const a = networkModel(fuenlabradaHangzhou, { ...size, seed: 3 });
    const b = networkModel(
      { nodes: shuffled(fuenlabradaHangzhou.nodes), links: shuffled(fuenlabradaHangzhou.links) },
      { ...size, seed: 3 },
    );
    expect(b).toEqual(a);
  });

  it('gives different positions for a different seed', () => {
    const a = networkModel(fuenlabradaHangzhou, { ...size, seed: 1 });
    const b = networkModel(fuenlabradaHangzhou, { ...size, seed: 2 });
    expect(b.nodes.map((n) => [n.x, n.y])).not.toEqual(a.nodes.map((n) => [n.x, n.y]));
  });

  it('rounds every number to 2 decimals and is plain serialisable data', () => {
    const model = networkModel(syntheticNetwork(120, 200, 3), size);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    const numbers = JSON.stringify(model).match(/-?\d+\.\d+/g) ?? [];
    for (const n of numbers) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
  });

  it.each([
    ['force', 'small', fuenlabradaHangzhou],
    ['force', 'large', syntheticNetwork(600, 900, 2)],
    ['bridge', 'small', fuenlabradaHangzhou],
    ['bridge', 'large, 2 cities', syntheticNetwork(600, 900, 2)],
    ['bridge', 'large, 5 cities', syntheticNetwork(600, 900, 5)],
  ] as const)('keeps every node inside the viewBox (%s, %s)', (layout, _name, data) => {
    const model = networkModel(data, { width: 640, height: 400, layout });
    expect(model.nodes.length).toBe(data.nodes.length);
    for (const n of model.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(640);
      expect(n.y + n.r).toBeLessThanOrEqual(400);
    }
  });

  it('sizes nodes by people trained: monotone, and visible when nobody was trained', () => {
    const model = networkModel(fuenlabradaHangzhou, size);
    const sorted = [...model.nodes].sort((a, b) => a.trained - b.trained);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.r).toBeGreaterThanOrEqual(sorted[i - 1]!.r);
      if (sorted[i]!.trained > sorted[i - 1]!.trained) expect(sorted[i]!.r).toBeGreaterThan(sorted[i - 1]!.r);
    }
    expect(byId(model).get('fue-council')!.r).toBeGreaterThanOrEqual(2);
    expect(model.legend.sizes.length).toBeGreaterThan(0);
    expect(model.legend.sizes[0]!.value).toBeLessThanOrEqual(420);
  });

  it('computes betweenness on a path: inner nodes 2/3, ends 0', () => {
    const model = networkModel(
      graph([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ]),
      size,
    );
    const nodes = byId(model);
    expect(nodes.get('a')!.betweenness).toBe(0);
    expect(nodes.get('b')!.betweenness).toBe(0.67);
    expect(nodes.get('c')!.betweenness).toBe(0.67);
    expect(nodes.get('d')!.betweenness).toBe(0);
    expect(nodes.get('b')!.degree).toBe(2);
  });

  it('computes betweenness on a star: centre 1, leaves 0 (parallel links count once)', () => {
    const model = networkModel(
      graph([
        ['hub', 'a'],
        ['hub', 'b'],
        ['hub', 'c'],
        ['hub', 'd'],
        ['a', 'hub'],
      ]),
      size,
    );
    const nodes = byId(model);
    expect(nodes.get('hub')!.betweenness).toBe(1);
    for (const leaf of ['a', 'b', 'c', 'd']) expect(nodes.get(leaf)!.betweenness).toBe(0);
    // Degree counts partnerships, so the repeated pair counts twice there.
    expect(nodes.get('hub')!.degree).toBe(5);
  });

  it('computes betweenness on a 4-cycle (two shortest paths share the load) and isolated nodes', () => {
    // Cycle a-b-c-d-a: each node lies on one of the two shortest paths between its neighbours → 0.5 / 3.
    const raw = betweenness(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
    ]);
    expect([...raw].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.0833, 0.0833, 0.0833, 0.0833, 0]);
  });

  it('drops links to missing institutions, self-loops and repeated ids, and counts them', () => {
    const data: NetworkData = {
      nodes: fuenlabradaHangzhou.nodes,
      links: [
        ...fuenlabradaHangzhou.links,
        {
          id: 'p-ghost',
          source: 'fue-cife',
          target: 'nowhere',
          status: 'active',
          area: 'other',
          milestones: 1,
        },
        {
          id: 'p-self',
          source: 'fue-cife',
          target: 'fue-cife',
          status: 'active',
          area: 'other',
          milestones: 1,
        },
        { ...fuenlabradaHangzhou.links[0]!, target: 'hz-academy' },
      ],
    };
    const model = networkModel(data, size);
    expect(model.droppedLinks).toBe(3);
    expect(model.links.map((l) => l.id).sort()).toEqual(fuenlabradaHangzhou.links.map((l) => l.id).sort());
    expect(model.summary.partnerships).toBe(fuenlabradaHangzhou.links.length);
  });

  it('draws links from node to node, dashed by status and wider with more milestones', () => {
    const model = networkModel(fuenlabradaHangzhou, size);
    const nodes = byId(model);
    const links = new Map(model.links.map((l) => [l.id, l]));
    for (const link of model.links) {
      expect([link.x1, link.y1]).toEqual([nodes.get(link.source)!.x, nodes.get(link.source)!.y]);
      expect([link.x2, link.y2]).toEqual([nodes.get(link.target)!.x, nodes.get(link.target)!.y]);
      expect(link.path.startsWith(`M${link.x1},${link.y1}`)).toBe(true);
    }
    expect(links.get('p-training')!.dash).toBeNull();
    expect(links.get('p-design')!.dash).not.toBeNull();
    expect(links.get('p-platform')!.linecap).toBe('round');
    expect(links.get('p-research')!.opacity).toBeLessThan(links.get('p-training')!.opacity);
    expect(links.get('p-training')!.width).toBeGreaterThan(links.get('p-exchange')!.width);
    // Two partnerships between CIFE and the academy: one curves so both show.
    expect(links.get('p-training-2')!.path).toContain('Q');
    expect(model.legend.statuses.map((s) => s.key)).toEqual([
      'proposed',
      'negotiating',
      'agreed',
      'active',
      'completed',
      'paused',
      'cancelled',
    ]);
  });

  it('colours by city with a stable, sorted assignment from the Okabe–Ito palette', () => {
    const a = networkModel(fuenlabradaHangzhou, size);
    expect(a.legend.colors).toEqual([
      { key: 'Fuenlabrada', color: OKABE_ITO[0] },
      { key: 'Hangzhou', color: OKABE_ITO[1] },
    ]);
    const b = networkModel({ ...fuenlabradaHangzhou, nodes: shuffled(fuenlabradaHangzhou.nodes) }, size);
    expect(b.nodes.map((n) => [n.id, n.color])).toEqual(a.nodes.map((n) => [n.id, n.color]));
    for (const n of a.nodes) expect(n.color).toBe(n.city === 'Fuenlabrada' ? OKABE_ITO[0] : OKABE_ITO[1]);
  });

  it('colours by type with fixed colours, whatever types are present', () => {
    const model = networkModel(fuenlabradaHangzhou, { ...size, colorBy: 'type' });
    for (const n of model.nodes) expect(n.color).toBe(INSTITUTION_TYPE_COLORS[n.type]);
    expect(model.legend.colors.map((c) => c.key)).toEqual([
      'government',
      'agency',
      'university',
      'college',
      'company',
      'association',
    ]);
  });

  it('groups cities past the palette size as "other", in grey', () => {
    const model = networkModel(syntheticNetwork(120, 100, 10), size);
    expect(model.legend.colors).toHaveLength(8);
    expect(model.legend.colors.at(-1)).toEqual({ key: 'other', color: OTHER_COLOR, other: true });
    expect(new Set(model.nodes.map((n) => n.color)).size).toBe(8);
  });

  it('bridge layout: two cities on their own side, first by name on the left', () => {
    const model = networkModel(fuenlabradaHangzhou, { ...size, layout: 'bridge' });
    expect(model.cities).toEqual(['Fuenlabrada', 'Hangzhou']);
    for (const n of model.nodes) {
      if (n.city === 'Fuenlabrada') {
        expect(n.x).toBeLessThan(size.width / 2);
        expect(n.labelAnchor).toBe('end');
      } else {
        expect(n.x).toBeGreaterThan(size.width / 2);
        expect(n.labelAnchor).toBe('start');
      }
    }
    // Within a city, by type: the city council (government) on top.
    const fuenlabrada = model.nodes.filter((n) => n.city === 'Fuenlabrada').sort((a, b) => a.y - b.y);
    expect(fuenlabrada.map((n) => n.id)).toEqual(['fue-council', 'fue-cife', 'fue-urjc', 'fue-smes']);
    // Links between the cities cross the middle.
    expect(model.links.find((l) => l.id === 'p-training')!.path).toContain('C');
    expect(model.ticks).toBe(0);
  });

  it('bridge layout: more cities get a sector each around a circle', () => {
    const model = networkModel(syntheticNetwork(60, 80, 4), { width: 600, height: 600, layout: 'bridge' });
    const angleOf = (n: { x: number; y: number }) => Math.atan2(n.y - 300, n.x - 300);
    const ranges = model.cities.map((city) => {
      const angles = model.nodes.filter((n) => n.city === city).map(angleOf);
      // Sectors start at −π (left) and go clockwise; shift so that each sector is a contiguous range.
      const shifted = angles.map((a) => (a < -Math.PI + 1e-6 ? a + 2 * Math.PI : a) + Math.PI);
      return [Math.min(...shifted), Math.max(...shifted)] as const;
    });
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
  });

  it('labels every node of a small graph, and at most 40 of a large one', () => {
    expect(networkModel(fuenlabradaHangzhou, size).nodes.every((n) => n.labelVisible)).toBe(true);
    const large = networkModel(syntheticNetwork(400, 600, 2), { width: 1200, height: 800 });
    const labelled = large.nodes.filter((n) => n.labelVisible).length;
    expect(labelled).toBeGreaterThan(5);
    expect(labelled).toBeLessThanOrEqual(40);
  });

  it('picks the tick budget by size and honours an explicit one', () => {
    expect(networkModel(fuenlabradaHangzhou, size).ticks).toBe(300);
    expect(networkModel(syntheticNetwork(1500, 1500), size).ticks).toBe(60);
    expect(networkModel(fuenlabradaHangzhou, { ...size, ticks: 10 }).ticks).toBe(10);
  });

  it('handles an empty programme', () => {
    const model = networkModel({ nodes: [], links: [] }, size);
    expect(model.nodes).toEqual([]);
    expect(model.links).toEqual([]);
    expect(model.legend.colors).toEqual([]);
  });

  it('rejects a box without area', () => {
    expect(() => networkModel(fuenlabradaHangzhou, { width: 0, height: 100 })).toThrow(RangeError);
  });
});

describe('networkEmphasis(model, highlight)', () => {
  const model = networkModel(fuenlabradaHangzhou, size);

  it('emphasises a highlighted institution with its partnerships and partners', () => {
    const emphasis = networkEmphasis(model, ['fue-smes'])!;
    expect(Object.keys(emphasis.links).sort()).toEqual(['p-branding', 'p-pilot']);
    expect(Object.keys(emphasis.nodes).sort()).toEqual(['fue-smes', 'hz-academy', 'hz-training']);
  });

  it('emphasises everything when nothing is highlighted', () => {
    expect(networkEmphasis(model, [])).toBeNull();
    expect(networkEmphasis(model, undefined)).toBeNull();
  });
});
