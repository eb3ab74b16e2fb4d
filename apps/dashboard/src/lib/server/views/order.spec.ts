import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '@puente/data';
import {
  generatedFiles,
  load,
  mostConnected,
  network,
  readCsvFiles,
  SAMPLE_DATA_DIR,
  Store,
} from '@puente/data/store';
import type { UploadFile } from '@puente/data';
import { OVERVIEW_CHARTS, INSTITUTION_CHARTS } from '$lib/charts/catalogue';
import { institutionChartData } from '$lib/charts/institution-charts';
import { chartData, type ChartData } from '$lib/charts/overview-charts';
import { translator, type Locale } from '$lib/i18n/translator';
import { reordered } from '../../../../../../packages/data/test/reorder';
import { chartRows, csvDelimiter, toCsv } from '../exports/csv';
import { chartSvg } from '../exports/svg';
import { programmeColors } from './colors';
import { institutionView } from './index';
import { institutionDetail } from './institution-detail';
import {
  networkCutView,
  networkSceneOfIds,
  networkSceneView,
  networkUprightView,
  networkView,
  type Layout,
} from './network';
import { overviewUprightView, overviewView } from './overview';
import { progressView } from './progress';
import { trainingView } from './training';

/*
 * What a page, embed or file shows must not depend on the order rows are stored in (a load may store them in any
 * order): stores holding the same rows in different orders give the same views, laid-out networks and files.
 */

const asOf = '2026-12-01';
const dir = mkdtempSync(path.join(tmpdir(), 'puente-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stores = 0;
/** A store holding the files. `bulk`: loaded as `puente load` does (rows in any order), then opened as served. */
async function loaded(files: UploadFile[], bulk = false): Promise<Store> {
  const store = await Store.open({ path: path.join(dir, `${++stores}.duckdb`), bulkLoad: bulk });
  const result = await load(store, { files, mode: 'replace', user: 'test' });
  expect(result.ok).toBe(true);
  if (!bulk) return store;
  store.close();
  return Store.open({ path: store.dbPath });
}

/**
 * Every view of the store and the files made from them, named: under no filter and a city's (`large`: no filter
 * only), with the networks upright for a phone (`large`: not; an upright model is drawn from the model compared).
 */
async function everyView(store: Store, large: boolean): Promise<Map<string, unknown>> {
  const views = new Map<string, unknown>();
  const colors = await programmeColors(store);
  views.set('colors', colors);
  const graph = await network(store, NO_FILTERS);
  const hubs = (await mostConnected(store, NO_FILTERS, 2)).items.map((h) => h.id);
  const city: Filters = { ...NO_FILTERS, city: [graph.nodes[0]!.city] };
  // In Chinese: names then come from the translated columns where the data has them, else fall back.
  for (const locale of ['zh'] as const satisfies Locale[]) {
    const tr = translator(locale);
    const files = (name: string, data: ChartData) => {
      views.set(`${name} svg`, chartSvg(data, tr, { title: 'T', caption: 'C', source: 'S' }).svg);
      views.set(`${name} csv`, toCsv(chartRows(data, tr), csvDelimiter(tr)));
    };
    for (const [scope, filters] of Object.entries(large ? { all: NO_FILTERS } : { all: NO_FILTERS, city })) {
      const overview = await overviewView(store, { filters, locale, asOf, colors });
      views.set(`overview ${scope} ${locale}`, overview);
      if (!large)
        views.set(`overview upright ${scope} ${locale}`, await overviewUprightView(overview, colors));
      for (const chart of OVERVIEW_CHARTS) files(`${chart} ${scope} ${locale}`, chartData(chart, overview));
      views.set(`progress ${scope} ${locale}`, await progressView(store, { filters, locale, asOf }));
      for (const by of ['topic', 'institution'] as const)
        views.set(
          `training ${by} ${scope} ${locale}`,
          await trainingView(store, { by, filters, locale, colors }),
        );
    }
    for (const layout of ['force', 'bridge'] satisfies Layout[]) {
      const input = {
        filters: NO_FILTERS,
        locale,
        colorBy: 'city',
        sizeBy: 'partnerships',
        layout,
        colors,
      } as const;
      const view = await networkView(graph, input);
      views.set(`network ${layout} ${locale}`, view);
      if (view.model) {
        views.set(`network upright ${layout} ${locale}`, await networkUprightView(view, input));
        files(`network-full ${layout} ${locale}`, { chart: 'network-full', model: view.model, ...input });
      } else {
        const scene = await networkSceneOfIds(graph, input);
        views.set(`network scene ${layout} ${locale}`, await networkSceneView(graph, scene, locale));
        const cut = await networkCutView(store, input);
        views.set(`network cut ${layout} ${locale}`, cut);
        files(`network-full cut ${layout} ${locale}`, {
          chart: 'network-full',
          model: cut.model,
          cut: cut.cut,
          ...input,
        });
      }
    }
    for (const id of hubs) {
      const page = await institutionView(store, id, locale, colors, null);
      views.set(`institution ${id} ${locale}`, page);
      // An institution with no training has no training chart to take away.
      for (const chart of INSTITUTION_CHARTS.map((c) => institutionChartData(c, page!)))
        if (chart.model) files(`${chart.chart} ${id} ${locale}`, chart);
    }
  }
  for (const id of hubs)
    views.set(`institution detail ${id}`, await institutionDetail(store, id, NO_FILTERS));
  return views;
}

/** JSON: key order counts (a page or file writes keys in it). */
const json = (value: unknown) => JSON.stringify(value);

async function expectSameViews(files: UploadFile[], large = false): Promise<void> {
  const stores = await Promise.all([
    loaded(files),
    loaded(reordered(files, 'reversed')),
    loaded(reordered(files, { seed: 3 }), true),
  ]);
  try {
    const [reference, ...others] = await Promise.all(stores.map((store) => everyView(store, large)));
    // Named, all at once: what differs, rather than the first difference alone.
    const differing = others.flatMap((views, i) => {
      expect([...views.keys()]).toEqual([...reference!.keys()]);
      return [...reference!]
        .filter(([name, value]) => json(views.get(name)) !== json(value))
        .map(([name]) => `${name} (${i === 0 ? 'reversed' : 'shuffled, bulk load'})`);
    });
    expect(differing).toEqual([]);
  } finally {
    for (const store of stores) store.close();
  }
}

describe('every view, whatever order the rows are stored in', () => {
  it('is the same for the sample programme (networks laid out on the server)', async () => {
    await expectSameViews(await readCsvFiles([SAMPLE_DATA_DIR]));
  }, 30_000);

  it('is the same for a generated programme drawn on canvas (its scene, and the cut files and embeds draw)', async () => {
    await expectSameViews(generatedFiles({ institutions: 1600, years: 2, programmes: 1, seed: 8 }), true);
  }, 60_000);
});
