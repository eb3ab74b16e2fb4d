import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fuenlabradaHangzhou, syntheticNetwork } from '../../test/fixtures.js';
import { INSTITUTION_TYPE_COLORS, OKABE_ITO, OTHER_COLOR } from '../palette.js';
import { betweenness } from './betweenness.js';
import { bridgeLayout } from './bridge.js';
import { networkEmphasis } from './highlight.js';
import { curvePath, linkCurve } from './links.js';
import { modelFromScene, moveNode, networkModel, scenePositions } from './model.js';
import {
  browserTicks,
  defaultLabelSize,
  defaultTicks,
  networkScene,
  reboxScene,
  sceneData,
} from './scene.js';
import type { NetworkData, NetworkModel } from './types.js';
import { estimateTextWidth } from '../text.js';

// Spies that call through: the layouts run as usual, and the tests can count how often they ran.
vi.mock('./bridge.js', { spy: true });

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

  it('lays out the same wherever the labels are in another language: positions never depend on label text', () => {
    const options = { ...size, seed: 3 };
    const english = networkModel(fuenlabradaHangzhou, options);
    const relabel = (label: (name: string, i: number) => string): NetworkData => ({
      ...fuenlabradaHangzhou,
      nodes: fuenlabradaHangzhou.nodes.map((n, i) => ({ ...n, label: label(n.label, i) })),
    });
    for (const other of [
      relabel((name) => `Ayuntamiento y Centro de Iniciativas de ${name} (Escuela de Negocios)`),
      relabel((_, i) => ['杭州', '跨境电子商务综合试验区', '富恩拉夫拉达市政府'][i % 3]!),
    ]) {
      const model = networkModel(other, options);
      expect(model.nodes.map((n) => [n.id, n.x, n.y])).toEqual(english.nodes.map((n) => [n.id, n.x, n.y]));
      expect(model.nodes.map((n) => n.labelText)).not.toEqual(english.nodes.map((n) => n.labelText));
    }
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

  it('sizes nodes by partnerships when asked: the most connected institution is the largest', () => {
    const model = networkModel(fuenlabradaHangzhou, { ...size, sizeBy: 'partnerships' });
    const byDegree = [...model.nodes].sort((a, b) => b.degree - a.degree);
    expect(byDegree[0]!.r).toBe(Math.max(...model.nodes.map((n) => n.r)));
    for (let i = 1; i < byDegree.length; i++)
      if (byDegree[i]!.degree < byDegree[i - 1]!.degree)
        expect(byDegree[i]!.r).toBeLessThan(byDegree[i - 1]!.r);
    expect(model.legend.sizeBy).toBe('partnerships');
    expect(model.legend.sizes.every((s) => Number.isInteger(s.value))).toBe(true);
    // By people trained (the default), the council that trains nobody is among the smallest.
    const trained = networkModel(fuenlabradaHangzhou, size);
    expect(trained.legend.sizeBy).toBe('trained');
    expect(byId(trained).get('fue-council')!.r).toBe(Math.min(...trained.nodes.map((n) => n.r)));
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
    // A large graph gets the reduced budget (checked on the budget itself: a full 1,500-node layout is slow).
    expect(defaultTicks(1500)).toBe(60);
    expect(networkModel(fuenlabradaHangzhou, { ...size, ticks: 10 }).ticks).toBe(10);
  });

  it('gives the browser more ticks up to 2,000 nodes, then fewer, never below the server budget', () => {
    expect(browserTicks(1600)).toBe(240);
    expect(browserTicks(2000)).toBe(240);
    expect(browserTicks(5000)).toBe(96);
    expect(browserTicks(20000)).toBe(defaultTicks(20000));
    for (const n of [10, 300, 1000, 3000, 8000])
      expect(browserTicks(n)).toBeGreaterThanOrEqual(defaultTicks(n));
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

describe('networkScene(data, options) and modelFromScene(scene, positions)', () => {
  it('split networkModel in two: the scene, then the layout', () => {
    const options = { ...size, seed: 4, colorBy: 'type' as const };
    const scene = networkScene(fuenlabradaHangzhou, options);
    expect(modelFromScene(scene, scenePositions(scene))).toEqual(networkModel(fuenlabradaHangzhou, options));
    // The scene has everything but positions: what a large graph sends to the browser.
    expect(scene.nodes[0]).not.toHaveProperty('x');
    expect(scene.nodes.map((n) => n.degree)).toEqual(
      networkModel(fuenlabradaHangzhou, options).nodes.map((n) => n.degree),
    );
    expect(JSON.stringify(scene).length).toBeLessThan(
      JSON.stringify(networkModel(fuenlabradaHangzhou, options)).length,
    );
  });

  it('equals networkModel for the bridge layout too', () => {
    const options = { ...size, layout: 'bridge' as const };
    const scene = networkScene(fuenlabradaHangzhou, options);
    expect(modelFromScene(scene, scenePositions(scene))).toEqual(networkModel(fuenlabradaHangzhou, options));
  });

  it('marks institutions outside the filters as context, and says so in the legend', () => {
    const data = {
      ...fuenlabradaHangzhou,
      nodes: fuenlabradaHangzhou.nodes.map((n) => ({ ...n, matched: n.city === 'Hangzhou' })),
    };
    const model = networkModel(data, size);
    for (const n of model.nodes) expect(n.context).toBe(n.city !== 'Hangzhou');
    expect(model.legend.context).toBe(true);
    expect(networkModel(fuenlabradaHangzhou, size).legend.context).toBeUndefined();
  });

  it('sets the label size from the viewBox width unless told', () => {
    expect(defaultLabelSize(640)).toBe(11);
    expect(defaultLabelSize(720)).toBe(12);
    expect(defaultLabelSize(960)).toBe(16);
    expect(defaultLabelSize(2000)).toBe(16);
    expect(networkModel(fuenlabradaHangzhou, size).labelSize).toBe(13);
    expect(networkModel(fuenlabradaHangzhou, { ...size, labelSize: 15 }).labelSize).toBe(15);
  });
});

describe('reboxScene(scene, box)', () => {
  const wide = { width: 960, height: 600 };
  const upright = { width: 400, height: 560, labelSize: 13 };

  it('gives a large graph the scene it would have in the other box, without working it out again', () => {
    const data = syntheticNetwork(1600, 2400, 3);
    const moved = reboxScene(networkScene(data, wide), upright);
    expect(moved).toEqual(networkScene(data, { ...wide, ...upright }));
    expect(moved && [moved.width, moved.height, moved.labelSize]).toEqual([400, 560, 13]);
  });

  it('refuses a graph whose circles are sized by the room the box gives them', () => {
    const scene = networkScene(syntheticNetwork(100, 150, 3), wide);
    expect(reboxScene(scene, upright)).toBeNull();
    // The same box is always the same scene.
    expect(reboxScene(scene, wide)).toEqual(scene);
  });
});

describe('sceneData(scene)', () => {
  it('gives back data that makes the same scene, and from a laid-out model the same model', () => {
    const options = { width: 960, height: 600 };
    const data = fuenlabradaHangzhou;
    const scene = networkScene(data, options);
    expect(networkScene(sceneData(scene), options)).toEqual(scene);
    const model = networkModel(data, options);
    expect(networkModel(sceneData(model), options)).toEqual(model);
  });
});

describe('the force layout uses the box', () => {
  it('spreads a small programme over most of the box', () => {
    const model = networkModel(fuenlabradaHangzhou, { width: 960, height: 560 });
    const xs = model.nodes.map((n) => n.x);
    const ys = model.nodes.map((n) => n.y);
    const spreadX = (Math.max(...xs) - Math.min(...xs)) / 960;
    const spreadY = (Math.max(...ys) - Math.min(...ys)) / 560;
    expect(Math.max(spreadX, spreadY)).toBeGreaterThan(0.7);
    expect(Math.min(spreadX, spreadY)).toBeGreaterThan(0.5);
  });

  it('keeps labels inside the box and off other nodes', () => {
    const model = networkModel(fuenlabradaHangzhou, { width: 960, height: 560, labelSize: 15 });
    const f = model.labelSize;
    for (const n of model.nodes) {
      const w = Math.max(...n.labelLines.map((line) => estimateTextWidth(line, f)));
      const x0 =
        n.labelAnchor === 'start' ? n.labelX : n.labelAnchor === 'end' ? n.labelX - w : n.labelX - w / 2;
      const box = [
        x0,
        n.labelY - 0.84 * f,
        x0 + w,
        n.labelY + (n.labelLines.length - 1) * 1.15 * f + 0.24 * f,
      ];
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[2]).toBeLessThanOrEqual(960);
      expect(box[1]).toBeGreaterThanOrEqual(0);
      expect(box[3]).toBeLessThanOrEqual(560);
      for (const other of model.nodes) {
        if (other === n) continue;
        const cx = Math.max(box[0]!, Math.min(other.x, box[2]!));
        const cy = Math.max(box[1]!, Math.min(other.y, box[3]!));
        expect(Math.hypot(other.x - cx, other.y - cy)).toBeGreaterThan(other.r);
      }
    }
  });

  it('wraps long names on two lines instead of cutting them short', () => {
    const model = networkModel(
      {
        nodes: [
          {
            id: 'a',
            label: 'Hangzhou Development and Reform Commission',
            city: 'H',
            country: 'CN',
            type: 'government',
            trained: 0,
          },
          { id: 'b', label: 'Alibaba', city: 'H', country: 'CN', type: 'company', trained: 0 },
        ],
        links: [],
      },
      { width: 960, height: 560 },
    );
    const a = model.nodes.find((n) => n.id === 'a')!;
    expect(a.labelLines).toEqual(['Hangzhou Development', 'and Reform Commission']);
    expect(a.labelText).toBe('Hangzhou Development and Reform Commission');
  });
});

describe('moveNode(model, id, x, y)', () => {
  it('moves the node, its label and its links, and nothing else', () => {
    const model = networkModel(fuenlabradaHangzhou, size);
    const before = byId(model).get('fue-smes')!;
    const moved = moveNode(model, 'fue-smes', 100, 120);
    const after = byId(moved).get('fue-smes')!;
    expect([after.x, after.y]).toEqual([100, 120]);
    expect(after.labelX - after.x).toBeCloseTo(before.labelX - before.x);
    for (const link of moved.links) {
      if (link.source === 'fue-smes') expect(link.path.startsWith('M100,120')).toBe(true);
      else if (link.target === 'fue-smes') expect(link.path.endsWith('100,120')).toBe(true);
      else expect(link).toBe(model.links.find((l) => l.id === link.id));
    }
    expect(moveNode(model, 'nowhere', 1, 1)).toBe(model);
  });

  it('keeps the node inside the box', () => {
    const moved = moveNode(networkModel(fuenlabradaHangzhou, size), 'fue-cife', -50, 9999);
    const node = byId(moved).get('fue-cife')!;
    expect(node.x).toBe(node.r);
    expect(node.y).toBe(size.height - node.r);
  });
});

describe('linkCurve(s, t, bend, layout, cityCount, centre)', () => {
  const s = { x: 0, y: 0, city: 'A' };
  const t = { x: 100, y: 0, city: 'B' };
  const centre = { x: 50, y: 50 };
  it('is straight in the force layout unless bent apart from a parallel link', () => {
    expect(linkCurve(s, t, 0, 'force', 2, centre)).toEqual({ kind: 'line' });
    expect(curvePath(s, t, linkCurve(s, t, 0, 'force', 2, centre))).toBe('M0,0L100,0');
    expect(linkCurve(s, t, 10, 'force', 2, centre)).toEqual({ kind: 'quad', qx: 50, qy: 20 });
  });
  it('crosses the middle between two cities in the bridge layout', () => {
    const curve = linkCurve(s, t, 0, 'bridge', 2, centre);
    expect(curve.kind).toBe('cubic');
    expect(curvePath(s, t, curve)).toBe('M0,0C50,0 50,0 100,0');
  });
});

describe('how often networkModel lays out', () => {
  beforeEach(() => {
    vi.mocked(bridgeLayout).mockClear();
  });

  it('runs the bridge layout once: its placements give both the positions and the label places', () => {
    const model = networkModel(syntheticNetwork(300, 450, 2), { ...size, layout: 'bridge' });
    expect(bridgeLayout).toHaveBeenCalledTimes(1);
    expect(model.headings.map((h) => h.text)).toEqual(model.cities);
  });

  it('does not run the bridge layout for the force layout', () => {
    networkModel(fuenlabradaHangzhou, size);
    expect(bridgeLayout).not.toHaveBeenCalled();
  });

  it('runs it again for a scene laid out elsewhere, where the labels need its places', () => {
    const scene = networkScene(fuenlabradaHangzhou, { ...size, layout: 'bridge' });
    const positions = scenePositions(scene);
    modelFromScene(scene, positions);
    expect(bridgeLayout).toHaveBeenCalledTimes(2);
  });
});
