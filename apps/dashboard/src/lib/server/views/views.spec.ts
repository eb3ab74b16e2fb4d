import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '@puente/data';
import { generatedFiles, load, network, Store } from '@puente/data/store';
import { OTHER_COLOR, unpackScene, type NetworkModel } from '@puente/charts';
import { UPRIGHT_NETWORK } from '$lib/phone';
import { getStore, openStore } from '../store';
import { networkColors, programmeColors } from './colors';
import { keepViewsWarm, servingPrevious, views, viewsReady } from './index';
import {
  CUT_NODES,
  networkCutView,
  networkSceneOfIds,
  networkSceneView,
  networkUprightView,
  networkView,
  SVG_UP_TO,
} from './network';
import { OVERVIEW_NODES, overviewUprightView, overviewView } from './overview';
import { progressView } from './progress';
import { trainingView } from './training';

const asOf = '2026-12-01';
const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-views-'));
  dirs.push(dir);
  return path.join(dir, 'views.duckdb');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A store holding a generated programme of `institutions` (2 years, 1 programme). */
async function generated(institutions: number): Promise<Store> {
  const store = await Store.open({ path: tempDb() });
  const result = await load(store, {
    files: generatedFiles({ institutions, years: 2, programmes: 1, seed: 2 }),
    mode: 'replace',
    user: 'test',
  });
  expect(result.ok).toBe(true);
  return store;
}

describe('networkColors(colors, colorBy)', () => {
  const colors = {
    byCountry: false,
    city: { Fuenlabrada: '#0072B2', Hangzhou: '#E69F00' },
    country: { CN: '#0072B2', ES: '#E69F00' },
    topic: {},
  };
  it('colours by city in the programme colours, by country once cities are too many, by type as asked', () => {
    expect(networkColors(colors, 'city')).toEqual({ colorBy: 'city', colors: colors.city });
    expect(networkColors({ ...colors, byCountry: true }, 'city')).toEqual({
      colorBy: 'country',
      colors: colors.country,
    });
    expect(networkColors({ ...colors, byCountry: true }, 'type')).toEqual({ colorBy: 'type' });
  });
});

describe('view builders on a programme larger than any list they show', () => {
  let store: Store;
  beforeAll(async () => {
    store = await generated(400);
  });
  afterAll(() => store.close());

  it('overviewView: the most connected institutions, five stalled, a funnel of counts, a trend of 7 cities + other', async () => {
    const colors = await programmeColors(store);
    const view = await overviewView(store, { filters: NO_FILTERS, locale: 'en', asOf, colors });
    expect(view.figures.institutions).toBe(400);
    // Eight cities, eight colours: the network colours by city, each city in the programme's colour for it.
    expect(Object.keys(colors.city)).toHaveLength(8);
    expect(colors.byCountry).toBe(false);
    expect(view.model.legend.colorBy).toBe('city');
    for (const node of view.model.nodes) expect(node.color).toBe(colors.city[node.city]);
    expect(view.networkShown).toEqual({ shown: view.model.nodes.length, total: 400 });
    expect(view.model.nodes.length).toBeLessThanOrEqual(OVERVIEW_NODES);
    // Every drawn institution has a partnership: the cut keeps the connected ones.
    expect(view.model.nodes.every((n) => n.degree > 0)).toBe(true);
    expect(view.stalled.length).toBeLessThanOrEqual(5);
    expect(view.stalledCount).toBeGreaterThan(view.stalled.length);
    expect(view.funnel.reduce((sum, r) => sum + (r.count ?? 0), 0)).toBe(view.figures.partnerships);
    const cities = new Set(view.trend.filter((r) => !r.other).map((r) => r.institution));
    expect(cities.size).toBe(7);
    const trendTotal = view.trend.reduce((sum, r) => sum + r.trainees, 0);
    expect(trendTotal).toBe(view.figures.trainees);
    expect(view.summary.find((s) => s.key === 'summary.stalled')?.values.count).toBe(view.stalledCount);
  });

  it('trainingView: at most 7 series + other per year, totals that add up, hidden cities counted', async () => {
    const colors = await programmeColors(store);
    const view = await trainingView(store, { by: 'institution', filters: NO_FILTERS, locale: 'zh', colors });
    const years = new Set(view.stack.map((r) => r.year));
    expect(view.stack.length).toBeLessThanOrEqual(years.size * 8);
    expect(view.stack.some((r) => r.other)).toBe(true);
    const stacked = view.stack.reduce((sum, r) => sum + r.trainees, 0);
    expect(stacked).toBe(view.totals.trainees);
    expect(view.completion.map((c) => c.year)).toEqual([...years].sort());
    const shownCities = new Set(view.cities.map((c) => c.city));
    expect(shownCities.size).toBe(8);
    expect(view.citiesHidden.cities).toBe(view.totals.cities - 8);
    const cityTotal = view.cities.reduce((sum, c) => sum + c.trainees, 0) + view.citiesHidden.trainees;
    expect(cityTotal).toBe(view.totals.trainees);
    expect(Object.keys(view.cityColors).sort()).toEqual([...shownCities].sort());
    // Named cities are never drawn in the grey of "other", and keep the programme's colour.
    for (const [city, color] of Object.entries(view.cityColors)) {
      expect(color).not.toBe(OTHER_COLOR);
      expect(color).toBe(colors.city[city]);
    }
  });

  it('overview trend and /training cities colour by country when the programme does', async () => {
    const colors = { ...(await programmeColors(store)), byCountry: true };
    const overview = await overviewView(store, { filters: NO_FILTERS, locale: 'es', asOf, colors });
    expect(overview.model.legend.colorBy).toBe('country');
    expect(overview.trendBy).toBe('country');
    expect(overview.trendColors).toBe(colors.country);
    // Two countries: a series each, named in the reader's language, no "other".
    expect(new Set(overview.trend.map((r) => [r.institution, r.institutionLabel].join()))).toEqual(
      new Set(['CN,China', 'ES,España']),
    );
    expect(overview.trend.reduce((sum, r) => sum + r.trainees, 0)).toBe(overview.figures.trainees);
    const training = await trainingView(store, { by: 'topic', filters: NO_FILTERS, locale: 'es', colors });
    expect(training.cityColorBy).toBe('country');
    for (const [city, color] of Object.entries(training.cityColors)) {
      const country = training.cityCountries[city];
      expect(['China', 'España']).toContain(country);
      expect(color).toBe(colors.country[country === 'China' ? 'CN' : 'ES']);
    }
  });

  it('progressView: 40 timeline rows in attention order, their milestones, counted lists of the next 90 days', async () => {
    const view = await progressView(store, { filters: NO_FILTERS, locale: 'es', asOf });
    expect(view.timeline).toHaveLength(40);
    // Stalled first: the flags never go from false back to true.
    const flags = view.timeline.map((p) => p.stalled);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    const shown = new Set(view.timeline.map((p) => p.id));
    expect(view.timelineMilestones.every((m) => shown.has(m.partnership))).toBe(true);
    expect(view.stalled.length).toBeLessThanOrEqual(25);
    expect(view.stalledCount).toBeGreaterThanOrEqual(view.stalled.length);
    for (const list of ['within', 'next', 'overdue'] as const) {
      expect(view.upcoming[list].length).toBeLessThanOrEqual(8);
      expect(view.upcomingCounts[list]).toBeGreaterThanOrEqual(view.upcoming[list].length);
      for (const m of view.upcoming[list]) expect(view.upcomingNames[m.partnership]).toBeTruthy();
    }
    expect(Object.values(view.statusCounts).reduce((a, b) => a + b, 0)).toBe(view.partnerships);
  });

  it('networkView: laid out as SVG up to the threshold', async () => {
    const graph = await network(store, NO_FILTERS);
    const input = {
      filters: NO_FILTERS,
      locale: 'en' as const,
      colorBy: 'city' as const,
      sizeBy: 'partnerships' as const,
      layout: 'force' as const,
    };
    const view = await networkView(graph, input);
    expect(view.model?.nodes).toHaveLength(400);
    expect(view.counts.institutions).toBe(400);
    expect(view).not.toHaveProperty('phoneModel');

    // On a phone, asked for apart: the same institutions, names, sizes and colours, laid out upright.
    const { model: upright } = await networkUprightView(view, input);
    expect([upright?.width, upright?.height]).toEqual([UPRIGHT_NETWORK.width, UPRIGHT_NETWORK.height]);
    const look = (m: NetworkModel) => m.nodes.map((n) => [n.id, n.label, n.color, n.context]);
    expect(look(upright!)).toEqual(look(view.model!));
    expect(upright!.links.map((l) => l.id)).toEqual(view.model!.links.map((l) => l.id));
    expect(upright!.nodes.map((n) => [n.x, n.y])).not.toEqual(view.model!.nodes.map((n) => [n.x, n.y]));
  });

  it('overviewUprightView: the overview network upright, the same institutions and colours', async () => {
    const colors = await programmeColors(store);
    const view = await overviewView(store, { filters: NO_FILTERS, locale: 'es', asOf, colors });
    expect(view).not.toHaveProperty('phoneModel');
    const { model } = await overviewUprightView(view, colors);
    expect(model.height).toBeGreaterThan(model.width);
    const look = (m: NetworkModel) => m.nodes.map((n) => [n.id, n.label, n.color]);
    expect(look(model)).toEqual(look(view.model));
  });
});

describe('networkView and networkSceneView past the SVG threshold', () => {
  it('sends no drawing with the page, and the whole scene on its own', async () => {
    const store = await generated(SVG_UP_TO + 100);
    try {
      const input = {
        filters: NO_FILTERS,
        locale: 'zh' as const,
        colorBy: 'city' as const,
        sizeBy: 'partnerships' as const,
        layout: 'force' as const,
      };
      const graph = await network(store, NO_FILTERS);
      const view = await networkView(graph, input);
      expect(view.model).toBeNull();
      // The browser lays a canvas scene out upright itself: nothing to lay out on the server.
      expect((await networkUprightView(view, input)).model).toBeNull();
      expect(view.counts.institutions).toBe(SVG_UP_TO + 100);
      // One scene for every language; each reader gets it with labels in theirs.
      const ofIds = await networkSceneOfIds(graph, input);
      expect(ofIds.nodes.label).toEqual(ofIds.nodes.id);
      // The generated programme has no translated names: give one institution a Chinese one.
      const first = graph.nodes[0]!;
      const translated = { ...graph, nodes: [{ ...first, name_zh: '测试学院' }, ...graph.nodes.slice(1)] };
      const { scene, aliases } = await networkSceneView(translated, ofIds, 'zh');
      const nodes = unpackScene(scene).nodes;
      expect(nodes).toHaveLength(SVG_UP_TO + 100);
      expect(nodes.find((n) => n.id === first.id)?.label).toBe('测试学院');
      expect(aliases[first.id]).toEqual([first.name]);
      const other = graph.nodes[1]!;
      expect(nodes.find((n) => n.id === other.id)?.label).toBe(other.name);

      // A file or embed of it: the most connected institutions and their partners, CUT_NODES in all, laid out.
      const cut = await networkCutView(store, { ...input, filters: { ...NO_FILTERS, city: [first.city] } });
      const inCity = graph.nodes.filter((n) => n.city === first.city && n.matched).length;
      expect(cut.cut).toEqual({ shown: cut.model.nodes.length, total: inCity });
      expect(cut.model.nodes.length).toBeLessThanOrEqual(CUT_NODES);
      const all = await networkCutView(store, input);
      expect(all.cut).toEqual({ shown: CUT_NODES, total: SVG_UP_TO + 100 });
      expect(all.model.nodes).toHaveLength(CUT_NODES);
      // The most connected institution of all is drawn, and every link drawn joins two institutions drawn.
      const degree = new Map<string, number>();
      for (const l of graph.links)
        for (const end of [l.source, l.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      const hub = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      const drawn = new Set(all.model.nodes.map((n) => n.id));
      expect(drawn.has(hub)).toBe(true);
      for (const l of all.model.links) expect(drawn.has(l.source) && drawn.has(l.target)).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('views (cached per data version)', () => {
  it('answers from the cache, and a load shows its data at once', async () => {
    await openStore({ PUENTE_DB: tempDb() });
    const url = new URL('http://localhost/?lang=en');
    const before = await views.overview(url, 'en');
    expect(await views.overview(url, 'en')).toBe(before);
    expect(before.figures.institutions).toBeGreaterThan(0);

    const result = await load(getStore(), {
      files: generatedFiles({ institutions: 120, years: 1, programmes: 1, seed: 9 }),
      mode: 'replace',
      user: 'test',
    });
    expect(result.ok).toBe(true);
    const after = await views.overview(url, 'en');
    expect(after.version).toBe((before.version ?? 0) + 1);
    expect(after.figures.institutions).toBe(120);
    expect((await views.filterOptions()).version).toBe(after.version);
  });

  it('after a load, serves the version before while the new default views are built, then the new one', async () => {
    keepViewsWarm(getStore());
    await viewsReady();
    // Filtered: not among the views built ahead.
    const url = new URL('http://localhost/?type=university');
    const before = await views.overview(url, 'en');
    const result = await load(getStore(), {
      files: generatedFiles({ institutions: 150, years: 1, programmes: 1, seed: 4 }),
      mode: 'replace',
      user: 'test',
    });
    expect(result.ok).toBe(true);
    expect(servingPrevious()).toEqual({ version: before.version });
    expect(await views.overview(url, 'en')).toBe(before);
    await viewsReady();
    expect(servingPrevious()).toBeNull();
    const after = await views.overview(url, 'en');
    expect(after.version).toBe((before.version ?? 0) + 1);
    expect(after.figures.institutions).not.toBe(before.figures.institutions);
    getStore().close();
  }, 30_000);
});
