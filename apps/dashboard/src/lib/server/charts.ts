/**
 * A request for one chart — a file (`/api/charts/…`), an embed or an oEmbed answer — checked and resolved to the
 * chart's data and words. Following the data needs no signature (the pages show the same); pinning to a version
 * does, and an embed always does (see embeds/signature.ts).
 */
import { error } from '@sveltejs/kit';
import {
  chartFilters,
  isChartId,
  isInstitutionChart,
  OVERVIEW_CHARTS,
  type ChartId,
  type OverviewChartId,
} from '$lib/charts/catalogue';
import type { ShareMenus } from '$lib/charts/embed-code';
import { institutionChartData } from '$lib/charts/institution-charts';
import { chartCaption, chartData, chartTitle, type ChartData } from '$lib/charts/overview-charts';
import type { PageChartData } from '$lib/charts/page-charts';
import { isInstitutionId } from '$lib/components/institution/profile';
import { translator, type Locale, type Translator } from '$lib/i18n/translator';
import { pinnedVersion, signEmbed, verifyEmbed } from './embeds/signature';
import { views } from './views';

export interface ChartRequest {
  chart: ChartId;
  data: ChartData;
  /** The data version drawn. */
  version: number;
  /** True when the link is pinned to `version`; false when it follows the data. */
  pinned: boolean;
  /** When `version` was made, `yyyy-mm-dd`. */
  date: string;
  tr: Translator;
  text: { title: string; caption: string; source: string };
}

export async function chartRequest(
  chart: string,
  url: URL,
  locale: Locale,
  kind: 'file' | 'embed',
): Promise<ChartRequest> {
  const tr = translator(locale);
  if (!isChartId(chart)) error(404, `There is no chart "${chart}"`);
  const search = url.searchParams;
  const asked = pinnedVersion(search);
  const mustSign = kind === 'embed' || asked !== null;
  const version = mustSign ? await verifyEmbed(chart, search) : asked;
  if (version === undefined) error(403, tr.t('share.forbidden'));
  const drawn = await chartDataAt(chart, url, locale, version);
  if (drawn === null) error(404, 'There is no such data version');
  const date = await views.versionDate(drawn.version);
  return {
    chart,
    data: drawn.data,
    version: drawn.version,
    pinned: version !== null,
    date,
    tr,
    text: {
      title: chartTitle(drawn.data, tr),
      caption: chartCaption(drawn.data, tr),
      source: tr.t('share.source', { version: drawn.version, date }),
    },
  };
}

const isOverviewChart = (chart: ChartId): chart is OverviewChartId =>
  OVERVIEW_CHARTS.includes(chart as OverviewChartId);

/** A chart's data from its page's view, as of `version` (null: the current data); null without such a version. */
export async function chartDataAt(
  chart: ChartId,
  url: URL,
  locale: Locale,
  version: number | null,
): Promise<{ data: ChartData; version: number } | null> {
  if (isOverviewChart(chart)) {
    const view = await views.overviewAt(url, locale, version);
    return view?.version ? { data: chartData(chart, view), version: view.version } : null;
  }
  if (isInstitutionChart(chart)) {
    const id = url.searchParams.get('institution');
    if (id === null || !isInstitutionId(id)) error(404, 'Which institution? Give its id as `institution`');
    const page = await views.institutionAt(id, locale, version);
    if (page === undefined) return null;
    if (!page?.version) error(404, translator(locale).t('errorPage.institutionNotFound'));
    return { data: institutionChartData(chart, page), version: page.version };
  }
  if (chart === 'network-full') {
    const view = await views.networkAt(url, locale, version);
    if (!view?.version) return null;
    const { colorBy, sizeBy, layout } = view;
    if (view.model)
      return { data: { chart, model: view.model, colorBy, sizeBy, layout }, version: view.version };
    // Drawn on canvas by the page: a file or embed gets the most connected institutions and their partners.
    const cut = await views.networkCut(url, locale, version);
    if (!cut?.version) return null;
    return { data: { chart, model: cut.model, cut: cut.cut, colorBy, sizeBy, layout }, version: cut.version };
  }
  if (chart === 'progress-timeline') {
    const view = await views.progressAt(url, locale, version);
    if (!view?.version) return null;
    const { asOf, partnerships, timeline, timelineMilestones } = view;
    return { data: { chart, asOf, partnerships, timeline, timelineMilestones }, version: view.version };
  }
  const view = await views.trainingAt(url, locale, version);
  if (!view?.version) return null;
  const { from, to } = view;
  const data: PageChartData =
    chart === 'training-volume'
      ? {
          chart,
          by: view.by,
          stack: view.stack,
          completion: view.completion,
          stackColors: view.stackColors,
          from,
          to,
        }
      : {
          chart,
          cities: view.cities,
          cityColorBy: view.cityColorBy,
          cityColors: view.cityColors,
          cityCountries: view.cityCountries,
          cityNames: view.cityNames,
          cityLangs: view.cityLangs,
          from,
          to,
        };
  return { data, version: view.version };
}

/**
 * What a page's Share menus need (see `shareProps`): for each of `charts`, its link's query under the page's filters
 * and embed signatures, following the data and pinned to `version`; and the date of that version, for citations.
 * `pinning` adds to a pinned link what would otherwise move with time: the timeline's today (`asOf`).
 */
export async function shareMenus(
  charts: readonly ChartId[],
  search: URLSearchParams,
  version: number | null,
  pinning: Record<string, string> = {},
): Promise<ShareMenus> {
  const entries = await Promise.all(
    charts.map(async (chart) => {
      const pinnedSearch = new URLSearchParams(search);
      for (const [key, value] of Object.entries(pinning)) pinnedSearch.set(key, value);
      return [
        chart,
        {
          query: chartFilters(search, chart).toString(),
          pinnedQuery: chartFilters(pinnedSearch, chart).toString(),
          latest: await signEmbed(chart, search, null),
          pinned: version === null ? null : await signEmbed(chart, pinnedSearch, version),
        },
      ] as const;
    }),
  );
  const date = version === null ? null : await views.versionDate(version);
  return { shares: Object.fromEntries(entries), versionDate: date };
}

/** Pinned files and embeds never change: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
