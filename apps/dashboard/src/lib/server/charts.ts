/**
 * A request for one chart — a file (`/api/charts/…`), an embed or an oEmbed answer — checked and resolved to the
 * chart's data and words. Following the data needs no signature (the pages show the same); pinning to a version
 * does, and an embed always does (see embeds/signature.ts).
 */
import { error } from '@sveltejs/kit';
import {
  CHART_CAPTIONS,
  CHART_TITLES,
  isChartId,
  OVERVIEW_CHARTS,
  type ChartId,
  type OverviewChartId,
} from '$lib/charts/catalogue';
import type { ShareMenus } from '$lib/charts/embed-code';
import { chartData, type ChartData } from '$lib/charts/overview-charts';
import { pageChartCaption, type PageChartData } from '$lib/charts/page-charts';
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
  const drawn = await dataAt(chart, url, locale, version);
  if (drawn === null) error(404, 'There is no such data version');
  // Past the size the server lays out, the page draws the network in the browser: no file or embed of it.
  if (drawn.data.chart === 'network-full' && drawn.data.model === null) error(413, tr.t('share.tooLarge'));
  const date = drawn.version === null ? '' : await views.versionDate(drawn.version);
  return {
    chart,
    data: drawn.data,
    version: drawn.version,
    pinned: version !== null,
    date,
    tr,
    text: {
      title: tr.t(CHART_TITLES[chart]),
      caption: isOverviewChart(chart)
        ? tr.t(CHART_CAPTIONS[chart])
        : pageChartCaption(drawn.data as PageChartData, tr),
      source: tr.t('share.source', { version: drawn.version, date }),
    },
  };
}

const isOverviewChart = (chart: ChartId): chart is OverviewChartId =>
  OVERVIEW_CHARTS.includes(chart as OverviewChartId);

/** A chart's data from its page's view, as of `version` (null: the current data). */
async function dataAt(
  chart: ChartId,
  url: URL,
  locale: Locale,
  version: number | null,
): Promise<{ data: ChartData; version: number } | null> {
  if (isOverviewChart(chart)) {
    const view = await views.overviewAt(url, locale, version);
    return view?.version ? { data: chartData(chart, view), version: view.version } : null;
  }
  if (chart === 'network-full') {
    const view = await views.networkAt(url, locale, version);
    if (!view?.version) return null;
    const { model, colorBy, sizeBy, layout } = view;
    return { data: { chart, model, colorBy, sizeBy, layout }, version: view.version };
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
      : { chart, cities: view.cities, cityColors: view.cityColors, cityNames: view.cityNames, from, to };
  return { data, version: view.version };
}

/**
 * What a page's Share menus need (see `shareProps`): for each of `charts`, embed signatures under the page's filters,
 * following the data and pinned to `version`; and the date of that version, for citations.
 */
export async function shareMenus(
  charts: readonly ChartId[],
  search: URLSearchParams,
  version: number | null,
): Promise<ShareMenus> {
  const entries = await Promise.all(
    charts.map(
      async (chart) =>
        [
          chart,
          {
            latest: await signEmbed(chart, search, null),
            pinned: version === null ? null : await signEmbed(chart, search, version),
          },
        ] as const,
    ),
  );
  const date = version === null ? null : await views.versionDate(version);
  return { shares: Object.fromEntries(entries), versionDate: date };
}

/** Pinned files and embeds never change: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
