import { describe, expect, it, onTestFinished } from 'vitest';
import { NO_FILTERS } from '../src/schema/filters.js';
import { TABLE_NAMES, type Row } from '../src/schema/tables.js';
import {
  activityByYear,
  checkUpload,
  colorDomains,
  compareVersions,
  currentRows,
  currentVersion,
  filterOptions,
  generatedFiles,
  institutionProfile,
  institutionsById,
  kpis,
  knownKeys,
  listVersions,
  load,
  milestones,
  mostConnected,
  network,
  partnershipList,
  partnerships,
  readCsvFiles,
  recordedFile,
  SAMPLE_DATA_DIR,
  trainingByYear,
  trainingComparison,
  trainingTotals,
  upcomingMilestones,
  Store,
  type Scope,
} from '../src/store/index.js';
import type { UploadFile } from '../src/validation/validate.js';
import preview from '../src/validation/worker.js';
import { csv, freshStore } from './helpers.js';
import { keptRows, reordered } from './reorder.js';

/*
 * Nothing Puente reads may depend on the order rows are stored in: a load may store them in any order (a parallel
 * insert does). Two stores holding the same rows in different orders must answer every read alike, down to the
 * order of lists and of object keys.
 */

const asOf = '2026-12-01';
const TRAINING_GROUPS = ['topic', 'institution', 'city', 'country', 'year'] as const;

/** A second version: a third of the training and milestone rows gone (nothing refers to them). */
const secondVersion = (files: readonly UploadFile[]) =>
  keptRows(files, (table, row) => !['training', 'milestones'].includes(table) || row % 3 !== 1);

/**
 * Loads the two versions of a programme. `bulk`: as `puente load` does (DuckDB then stores rows in any order), the
 * store then opened again as the server opens it.
 */
async function twoVersions(first: UploadFile[], second: UploadFile[], bulk = false): Promise<Store> {
  const store = await freshStore({ bulkLoad: bulk });
  for (const files of [first, second]) {
    const result = await load(store, { files, mode: 'replace', user: 'test' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  }
  if (!bulk) return store;
  store.close();
  const reopened = await Store.open({ path: store.dbPath });
  onTestFinished(() => reopened.close());
  return reopened;
}

/**
 * The scopes reads are made in: everything; institutions filtered (cities, types); partnerships and years filtered;
 * and the first version (rows since closed), filtered by city.
 */
async function scopes(store: Store): Promise<Record<string, Scope>> {
  const options = await filterOptions(store);
  const years = options.years!;
  const some = (values: string[]) => values.filter((_, i) => i % 2 === 0);
  const cities = some(options.cities);
  return {
    all: NO_FILTERS,
    places: { ...NO_FILTERS, city: cities, type: some(options.types) },
    work: {
      ...NO_FILTERS,
      area: some(options.areas),
      status: ['active', 'agreed', 'completed'],
      from: years.max - 1,
      to: years.max,
    },
    pinned: { ...NO_FILTERS, city: cities, version: 1 },
  };
}

/** Every read the product makes of a store, under every scope, named. */
async function everyRead(store: Store, scope: Record<string, Scope>): Promise<Map<string, unknown>> {
  const reads = new Map<string, unknown>();
  const read = async (name: string, value: Promise<unknown>) => reads.set(name, await value);
  const keys = await knownKeys(store);
  await read('knownKeys', Promise.resolve(keys));
  for (const [name, filters] of Object.entries(scope)) {
    const at = (read_: string) => `${read_} ${name}`;
    await read(at('kpis'), kpis(store, filters));
    const hubs = await mostConnected(store, filters, 12);
    await read(at('mostConnected'), Promise.resolve(hubs));
    await read(at('activityByYear'), activityByYear(store, filters));
    const graph = await network(store, filters);
    await read(at('network'), Promise.resolve(graph));
    await read(at('network touching'), network(store, filters, { touching: hubs.items.map((h) => h.id) }));
    await read(
      at('network only'),
      network(store, filters, { only: graph.nodes.slice(0, 30).map((n) => n.id) }),
    );
    await read(at('trainingByYear topic'), trainingByYear(store, filters, 'topic'));
    for (const by of TRAINING_GROUPS) {
      await read(
        at(`trainingByYear ${by} top zh`),
        trainingByYear(store, filters, by, { top: 3, locale: 'zh' }),
      );
    }
    await read(
      at('trainingByYear one institution'),
      trainingByYear(store, filters, 'topic', { institution: hubs.items[0]?.id ?? '', locale: 'es' }),
    );
    await read(at('trainingTotals'), trainingTotals(store, filters));
    const latest = (await activityByYear(store, filters)).filter((a) => a.trainees > 0).at(-1)?.year ?? 2024;
    await read(at('trainingComparison'), trainingComparison(store, filters, latest));
    await read(at('milestones'), milestones(store, filters));
    await read(
      at('milestones zh of some'),
      milestones(store, filters, { partnerships: graph.links.slice(0, 40).map((l) => l.id), locale: 'zh' }),
    );
    for (const until of ['2027-03-01', '2030-01-01'])
      await read(
        at(`upcomingMilestones ${until}`),
        upcomingMilestones(store, filters, { asOf, until, limit: 4, locale: 'en' }),
      );
    await read(at('partnerships'), partnerships(store, filters, { asOf }));
    await read(
      at('partnerships attention es'),
      partnershipList(store, filters, { asOf, order: 'attention', limit: 25, locale: 'es' }),
    );
    await read(
      at('partnerships stalled'),
      partnershipList(store, filters, { asOf, stalled: true, limit: 5, locale: 'zh' }),
    );
    await read(
      at('partnerships unrecorded'),
      partnershipList(store, filters, { asOf, unrecorded: true, limit: 5 }),
    );
    await read(
      at('partnerships of the hub'),
      partnerships(store, filters, { asOf, institution: hubs.items[0]?.id ?? '' }),
    );
    await read(
      at('partnerships by ids'),
      partnershipList(store, filters, { asOf, ids: graph.links.slice(0, 9).map((l) => l.id) }),
    );
  }
  await read('filterOptions', filterOptions(store));
  await read('colorDomains', colorDomains(store));
  await read('colorDomains pinned', colorDomains(store, 1));
  const ids = [...keys.institutions].sort();
  await read('institutionsById', institutionsById(store, ids));
  await read('institutionsById pinned', institutionsById(store, ids.slice(0, 50), 1));
  const hubs = (await mostConnected(store, NO_FILTERS, 2)).items.map((h) => h.id);
  for (const id of [...hubs, ids.at(-1)!]) {
    for (const locale of ['es', 'zh'] as const)
      await read(`institutionProfile ${id} ${locale}`, institutionProfile(store, id, { asOf, locale }));
    await read(
      `institutionProfile ${id} pinned`,
      institutionProfile(store, id, { asOf, version: 1, limit: 3 }),
    );
  }

  // The store's own reads: history, what each version changed, current rows, an upload checked against them.
  await read('currentVersion', currentVersion(store));
  await read(
    'listVersions',
    listVersions(store).then((versions) =>
      // When and the bytes' hash are the load's own (the files differ in order), not the data's.
      versions.map(({ createdAt: _, files, ...rest }) => ({
        ...rest,
        files: files.map(({ sha256: __, ...file }) => file),
      })),
    ),
  );
  for (const v of await listVersions(store))
    for (const f of v.files)
      await read(
        `recordedFile ${v.version} ${f.table}`,
        recordedFile(store, f.sha256).then((r) => r?.name),
      );
  await read('compareVersions none 2', compareVersions(store, null, 2));
  await read('compareVersions 1 2', compareVersions(store, 1, 2));
  await read('compareVersions 2 1', compareVersions(store, 2, 1));
  for (const table of TABLE_NAMES) await read(`currentRows ${table}`, currentRows(store, table));
  await read(
    'checkUpload',
    checkUpload(
      store,
      [
        csv(
          'training.csv',
          `institution,programme,year,trainees\n${ids[0]},New,2024,5\nnobody,New,2024,5\n${ids[1]},New,2024,-1\n`,
        ),
      ],
      { mode: 'upsert' },
    ),
  );
  // What a replace would change, as the upload page previews it: the rows it would remove named first in key order.
  const training = await currentRows(store, 'training');
  const keyOf = (row: Row) => `${row.institution} ${row.programme} ${row.year}`;
  // The first row in key order, found whatever order the rows come in.
  const one = (training as Row[]).reduce((a, b) => (keyOf(b) < keyOf(a) ? b : a));
  await read(
    'upload preview',
    Promise.resolve(
      preview({
        files: [
          csv(
            'training.csv',
            `institution,programme,year,trainees\n${one.institution},"${String(one.programme).replaceAll('"', '""')}",${one.year},1\n`,
          ),
        ],
        mode: 'replace',
        locale: 'en',
        known: keys,
        current: { training: training as Row[] },
      }),
    ),
  );
  return reads;
}

/** JSON, BigInt included: key order counts (a page or export writes keys in it). */
const json = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v), 1);

async function expectSameReads(files: UploadFile[]): Promise<void> {
  const second = secondVersion(files);
  const stores = await Promise.all([
    twoVersions(files, second),
    twoVersions(reordered(files, 'reversed'), reordered(second, 'reversed')),
    twoVersions(reordered(files, { seed: 7 }), reordered(second, { seed: 11 }), true),
  ]);
  const scope = await scopes(stores[0]);
  const [reference, ...others] = await Promise.all(stores.map((store) => everyRead(store, scope)));
  // Named, all at once: what differs, rather than the first difference alone.
  const differing = others.flatMap((reads, i) => {
    expect([...reads.keys()]).toEqual([...reference!.keys()]);
    const order = i === 0 ? 'reversed' : 'shuffled, bulk load';
    return [...reference!]
      .filter(([name, value]) => json(reads.get(name)) !== json(value))
      .map(([name]) => `${name} (${order})`);
  });
  expect(differing).toEqual([]);
}

describe('every read of a store, whatever order its rows are stored in', () => {
  it('is the same for the sample programme', async () => {
    await expectSameReads(await readCsvFiles([SAMPLE_DATA_DIR]));
  });

  it('is the same for a generated programme of 2,000 institutions', async () => {
    await expectSameReads(generatedFiles({ institutions: 2000, years: 2, programmes: 2, seed: 5 }));
  }, 60_000);

  it('compares stores whose rows differ in order only: same header, same rows, another order', () => {
    const files = generatedFiles({ institutions: 30, years: 1, programmes: 1, seed: 5 });
    const lines = (f: UploadFile) => new TextDecoder().decode(f.bytes).split('\n');
    for (const order of ['reversed', { seed: 7 }] as const) {
      reordered(files, order).forEach((file, i) => {
        const [before, after] = [lines(files[i]!), lines(file)];
        expect(after[0]).toBe(before[0]);
        expect(after).not.toEqual(before);
        expect([...after].sort()).toEqual([...before].sort());
      });
    }
  });
});
