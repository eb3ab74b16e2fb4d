/**
 * Every page's data is a view: a pure function of (data version, page, filters, language, day), built by one
 * builder per page in this folder, cached by that key, and built ahead for the default views after every load or
 * restore. Pages and endpoints ask here; nothing else shapes page data.
 */
import { error } from '@sveltejs/kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { filtersToQuery, parseFilters } from '@puente/data';
import {
  filterOptions,
  institutionProfile,
  listVersions,
  network,
  today,
  type FilterOptions,
  type Store,
} from '@puente/data/store';
import { isIsoDate, type NetworkModel } from '@puente/charts';
import { institutionPage, type InstitutionPage } from '$lib/components/institution/profile';
import { parseStackBy } from '$lib/components/training/shape';
import { LOCALES, translator, type Locale } from '$lib/i18n/translator';
import { dataVersion, getStore } from '../store';
import { ViewCache } from './cache';
import { networkColors, programmeColors, type ProgrammeColors } from './colors';
import { BusyError } from './network-pool';
import {
  networkCutView,
  networkSceneOfIds,
  networkSceneView,
  networkUprightView,
  networkView,
  type NetworkCut,
  type NetworkInput,
  type NetworkSceneView,
  type NetworkView,
} from './network';
import { overviewUprightView, overviewView, type OverviewView } from './overview';
import { progressView, type ProgressView } from './progress';
import { trainingView, type TrainingView } from './training';

/** Page views kept: each is bounded in size (a few hundred kB at most), so this bounds their memory. */
const cache = new ViewCache(300);
/**
 * Results that grow with the programme (the network's rows and scenes: megabytes at 20,000 institutions) have
 * their own, short list.
 */
const large = new ViewCache(12);

/** What every view carries besides its own data: the data version it was built from. */
export type Versioned<T> = T & { version: number | null };

/**
 * While the default views of a new data version are built (after a load or restore: seconds at 20,000
 * institutions), a view of the version before that is at hand is served instead, so readers don't all wait for
 * the build; each view still says which version it shows. Null when no such build is under way.
 */
let previous: { version: number | null } | null = null;
/** The version whose default views were built last. */
let ready: number | null = null;
/** The build of the default views under way, or the last one. */
let warmed: Promise<void> = Promise.resolve();
/** Set in builds and in the build of the defaults: they want the latest version, never the one before. */
const latestOnly = new AsyncLocalStorage<true>();

/** The version served where its views are at hand while the latest one's are built, or null. */
export const servingPrevious = (): { version: number | null } | null => previous;

/** Resolves once the default views of the latest version are built: a load or restore answers after it. */
export const viewsReady = (): Promise<void> => warmed;

async function cached<T>(
  page: string,
  parts: readonly (string | number | null)[],
  build: (store: Store, signal: AbortSignal) => Promise<T>,
  within: ViewCache = cache,
): Promise<Versioned<T>> {
  const version = await dataVersion();
  const key = [page, version, ...parts].join('\u0000');
  if (previous !== null && previous.version !== version && !within.has(key) && !latestOnly.getStore()) {
    const before = [page, previous.version, ...parts].join('\u0000');
    // Present, so `get` only waits for it: the build passed is never called.
    if (within.has(before)) return within.get(before, () => Promise.reject(new Error('kept view gone')));
  }
  try {
    return await within.get(key, (signal) =>
      latestOnly.run(true, async () => ({ ...(await build(getStore(), signal)), version })),
    );
  } catch (failure) {
    if (failure instanceof BusyError) error(503, failure.message);
    throw failure;
  }
}

/** The programme's colours, the same for every page of a data version. */
const colors = (): Promise<ProgrammeColors> => cached('colors', [], (store) => programmeColors(store));

const canonical = (url: URL) => filtersToQuery(parseFilters(url.searchParams)).toString();

/**
 * The network under a URL's filters, as rows: the largest result any view reads (20,000 institutions and 30,000
 * partnerships take the request thread about a quarter of a second to convert), so it is read once per data
 * version and shared by the network page and its scene in every language.
 */
const graph = (store: Store, url: URL) =>
  cached(
    'graph',
    [canonical(url)],
    (_, signal) => network(store, parseFilters(url.searchParams), {}, signal),
    large,
  );

function networkInput(url: URL, locale: Locale): NetworkInput {
  return {
    filters: parseFilters(url.searchParams),
    locale,
    colorBy: url.searchParams.get('color') === 'type' ? 'type' : 'city',
    // Partnerships by default: the network is about who works with whom, and the most connected reads largest.
    sizeBy: url.searchParams.get('size') === 'trained' ? 'trained' : 'partnerships',
    layout: url.searchParams.get('layout') === 'bridge' ? 'bridge' : 'force',
  };
}

export const views = {
  overview(url: URL, locale: Locale): Promise<Versioned<OverviewView>> {
    const asOf = today();
    return cached('overview', [locale, asOf, canonical(url)], async (store) =>
      overviewView(store, { filters: parseFilters(url.searchParams), locale, asOf, colors: await colors() }),
    );
  },

  /** The overview's network upright, for a phone: asked for by the page only (see `upright.ts`). */
  overviewUpright(url: URL, locale: Locale): Promise<Versioned<{ model: NetworkModel }>> {
    return cached('overview-upright', [locale, today(), canonical(url)], async () =>
      overviewUprightView(await views.overview(url, locale), await colors()),
    );
  },

  network(url: URL, locale: Locale): Promise<Versioned<NetworkView>> {
    const input = networkInput(url, locale);
    return cached(
      'network',
      [locale, input.colorBy, input.sizeBy, input.layout, canonical(url)],
      async (store) => networkView(await graph(store, url), { ...input, colors: await colors() }),
    );
  },

  /**
   * The network page's chart upright, for a phone: built on the first phone's request for it (the page asks once
   * it knows the screen), then kept like every view. Null for a canvas view: the browser lays that out upright.
   */
  networkUpright(url: URL, locale: Locale): Promise<Versioned<{ model: NetworkModel | null }>> {
    const input = networkInput(url, locale);
    return cached(
      'network-upright',
      [locale, input.colorBy, input.sizeBy, input.layout, canonical(url)],
      async () => networkUprightView(await views.network(url, locale), { ...input, colors: await colors() }),
    );
  },

  networkScene(url: URL, locale: Locale): Promise<Versioned<NetworkSceneView>> {
    const { colorBy, sizeBy, layout, filters } = networkInput(url, locale);
    const shape = [colorBy, sizeBy, layout, canonical(url)];
    return cached(
      'scene',
      [locale, ...shape],
      async (store) => {
        const rows = await graph(store, url);
        const scene = await cached(
          'scene-of-ids',
          shape,
          async () => networkSceneOfIds(rows, { filters, colorBy, sizeBy, layout, colors: await colors() }),
          large,
        );
        return networkSceneView(rows, scene, locale);
      },
      large,
    );
  },

  training(url: URL, locale: Locale): Promise<Versioned<TrainingView>> {
    const by = parseStackBy(url.searchParams.get('by'));
    return cached('training', [locale, by, canonical(url)], async (store) =>
      trainingView(store, { by, filters: parseFilters(url.searchParams), locale, colors: await colors() }),
    );
  },

  /**
   * "Today" can be pinned with `?asOf=yyyy-mm-dd` (a real date, nothing else), so a view of the past can be
   * shared and tests don't depend on the calendar.
   */
  progress(url: URL, locale: Locale): Promise<Versioned<ProgressView & { pinned: boolean }>> {
    const param = url.searchParams.get('asOf');
    const pinned = isIsoDate(param) ? param : null;
    const asOf = pinned ?? today();
    return cached('progress', [locale, asOf, canonical(url)], async (store) => ({
      ...(await progressView(store, { filters: parseFilters(url.searchParams), locale, asOf })),
      pinned: pinned !== null,
    }));
  },

  /** One institution's page, or null when no institution has this id. */
  async institution(id: string, locale: Locale): Promise<InstitutionPage | null> {
    const version = await dataVersion();
    const key = ['institution', version, locale, id].join('\u0000');
    const page = await cache.get(key, async () =>
      institutionView(getStore(), id, locale, await colors(), null),
    );
    // Unknown ids are not kept: a crawler trying ids must not push real views out of the cache.
    if (page === null) cache.delete(key);
    return page;
  },

  /**
   * An institution's page as of a data version (a pinned embed or file of its charts): undefined when there is no
   * such version, null when the institution did not exist then.
   */
  async institutionAt(
    id: string,
    locale: Locale,
    pinned: number | null,
  ): Promise<Versioned<InstitutionPage> | null | undefined> {
    const latest = await dataVersion();
    if (pinned === null || pinned === latest) {
      const page = await views.institution(id, locale);
      return page && { ...page, version: latest };
    }
    if (latest === null || !Number.isSafeInteger(pinned) || pinned < 1 || pinned > latest) return undefined;
    const key = ['institution', pinned, locale, id].join('\u0000');
    const page = await cache.get(key, async () => {
      const store = getStore();
      return institutionView(store, id, locale, await programmeColors(store, pinned), pinned);
    });
    if (page === null) cache.delete(key);
    return page && { ...page, version: pinned };
  },

  /**
   * The overview as of a data version — what a pinned embed, export or report shows: built from the rows alive at
   * that version and cached under it (a past version never changes). Null when there is no such version.
   */
  async overviewAt(url: URL, locale: Locale, pinned: number | null): Promise<Versioned<OverviewView> | null> {
    const current = await dataVersion();
    if (pinned === null || pinned === current) return views.overview(url, locale);
    if (current === null || !Number.isSafeInteger(pinned) || pinned < 1 || pinned > current) return null;
    const asOf = today();
    // The same key as the overview's own when that version was current: the same data, so the same view.
    const key = ['overview', pinned, locale, asOf, canonical(url)].join('\u0000');
    return cache.get(key, async () => ({
      ...(await overviewView(getStore(), {
        filters: { ...parseFilters(url.searchParams), version: pinned },
        locale,
        asOf,
      })),
      version: pinned,
    }));
  },

  /**
   * The network page's view as of a data version (a pinned embed or export of its chart); null when there is no
   * such version.
   */
  networkAt(url: URL, locale: Locale, pinned: number | null): Promise<Versioned<NetworkView> | null> {
    const input = networkInput(url, locale);
    return at(
      pinned,
      () => views.network(url, locale),
      ['network', locale, input.colorBy, input.sizeBy, input.layout, canonical(url)],
      async (store, version) =>
        networkView(await network(store, { ...input.filters, version }), {
          ...input,
          colors: await programmeColors(store, version),
        }),
    );
  },

  /** The training page's view as of a data version; null when there is no such version. */
  trainingAt(url: URL, locale: Locale, pinned: number | null): Promise<Versioned<TrainingView> | null> {
    const by = parseStackBy(url.searchParams.get('by'));
    const filters = parseFilters(url.searchParams);
    return at(
      pinned,
      () => views.training(url, locale),
      ['training', locale, by, canonical(url)],
      async (store, version) =>
        trainingView(store, {
          by,
          filters: { ...filters, version },
          locale,
          colors: await programmeColors(store, version),
        }),
    );
  },

  /** The progress page's view as of a data version; null when there is no such version. */
  progressAt(url: URL, locale: Locale, pinned: number | null): Promise<Versioned<ProgressView> | null> {
    const param = url.searchParams.get('asOf');
    const asOf = isIsoDate(param) ? param : today();
    return at(
      pinned,
      () => views.progress(url, locale),
      ['progress', locale, asOf, canonical(url)],
      (store, version) =>
        progressView(store, { filters: { ...parseFilters(url.searchParams), version }, locale, asOf }),
    );
  },

  /**
   * A network too large to lay out on the server (the page draws it on canvas) cut to what a file or embed can
   * hold: its most connected institutions and their partners, laid out as the page's options say. Bounded: the
   * layout never sees more than CUT_NODES institutions, whatever the programme's size.
   */
  networkCut(url: URL, locale: Locale, pinned: number | null): Promise<Versioned<NetworkCut> | null> {
    const input = networkInput(url, locale);
    const shape = [locale, input.colorBy, input.sizeBy, input.layout, canonical(url)];
    const build = async (store: Store, version: number | null, signal?: AbortSignal) =>
      networkCutView(
        store,
        { ...input, filters: { ...input.filters, version }, colors: await programmeColors(store, version) },
        signal,
      );
    return at(
      pinned,
      () => cached('network-cut', shape, (store, signal) => build(store, null, signal)),
      ['network-cut', ...shape],
      build,
    );
  },

  /** When a data version was made (`yyyy-mm-dd`, '' for no such version): the date a citation gives. */
  async versionDate(version: number): Promise<string> {
    const { date } = await cached('version-date', [version], async (store) => {
      const [found] = await listVersions(store, { before: version + 1, limit: 1 });
      return { date: found?.version === version ? found.createdAt.slice(0, 10) : '' };
    });
    return date;
  },

  /** The values each filter can take: the same for every page of a data version. */
  filterOptions(): Promise<Versioned<FilterOptions>> {
    return cached('filters', [], (store) => filterOptions(store));
  },
};

/** An institution's page from its profile (current data, or as of `version`), with the programme's colours. */
export async function institutionView(
  store: Store,
  id: string,
  locale: Locale,
  programme: ProgrammeColors,
  version: number | null,
): Promise<InstitutionPage | null> {
  const profile = await institutionProfile(store, id, { locale, version });
  if (!profile) return null;
  const tr = translator(locale);
  const ego = networkColors(programme, 'city');
  return institutionPage(profile, {
    locale,
    colors: {
      colorBy: ego.colorBy === 'country' ? 'country' : 'city',
      network: ego.colors,
      topic: programme.topic,
    },
    labels: {
      completionRate: tr.t('institution.training.rate'),
      other: tr.t('institution.training.other'),
      illustrative: tr.t('provenance.legend.illustrative'),
      estimated: tr.t('provenance.legend.estimated'),
    },
  });
}

/**
 * A page's view as of a pinned data version: the current view when that is the current version, else built from
 * the rows alive at that version and cached under the key the view had when it was current (a past version never
 * changes). Null when there is no such version.
 */
async function at<T>(
  pinned: number | null,
  current: () => Promise<Versioned<T>>,
  [page, ...parts]: readonly (string | number | null)[],
  build: (store: Store, version: number) => Promise<T>,
): Promise<Versioned<T> | null> {
  const latest = await dataVersion();
  if (pinned === null || pinned === latest) return current();
  if (latest === null || !Number.isSafeInteger(pinned) || pinned < 1 || pinned > latest) return null;
  const key = [page, pinned, ...parts].join('\u0000');
  try {
    return await cache.get(key, async () => ({ ...(await build(getStore(), pinned)), version: pinned }));
  } catch (failure) {
    if (failure instanceof BusyError) error(503, failure.message);
    throw failure;
  }
}

/**
 * Builds the views a visitor most likely opens first — every page without filters, in every language — so the
 * first visitor after a load or restore does not wait. One at a time: requests keep the other core.
 */
export async function precomputeDefaults(): Promise<void> {
  const url = new URL('http://puente.local/');
  await views.filterOptions();
  for (const locale of LOCALES) {
    await views.overviewUpright(url, locale);
    const network = await views.network(url, locale);
    if (network.model === null) await views.networkScene(url, locale);
    await views.training(url, locale);
    await views.progress(url, locale);
  }
}

/**
 * Precomputes now and after every commit (load, restore) of the store, serving the version before meanwhile
 * where its views are at hand.
 */
export function keepViewsWarm(store: Store): void {
  const warm = () => {
    // At start-up there is no version before to serve.
    const serving = ready === null ? null : { version: ready };
    previous = serving;
    const run: Promise<void> = latestOnly
      .run(true, async () => {
        await precomputeDefaults();
        ready = await dataVersion();
      })
      .catch((error: unknown) => console.error('Precomputing views failed:', error))
      .finally(() => {
        // A later commit's build serves on; this one's end is not its own.
        if (previous === serving) previous = null;
      });
    warmed = run;
  };
  store.onCommit(warm);
  warm();
}
