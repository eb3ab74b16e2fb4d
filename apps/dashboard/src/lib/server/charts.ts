/**
 * A request for one chart — a file (`/api/charts/…`), an embed or an oEmbed answer — checked and resolved to the
 * chart's data and words. Following the data needs no signature (the pages show the same); pinning to a version
 * does, and an embed always does (see embeds/signature.ts).
 */
import { error } from '@sveltejs/kit';
import { CHART_CAPTIONS, CHART_TITLES, isChartId, type ChartId } from '$lib/charts/catalogue';
import type { ShareMenus } from '$lib/charts/embed-code';
import { chartData, type ChartData } from '$lib/charts/overview-charts';
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
  const view = await views.overviewAt(url, locale, version);
  if (view === null || view.version === null) error(404, 'There is no such data version');
  const date = (await views.versionDates())[view.version] ?? '';
  return {
    chart,
    data: chartData(chart, view),
    version: view.version,
    pinned: version !== null,
    date,
    tr,
    text: {
      title: tr.t(CHART_TITLES[chart]),
      caption: tr.t(CHART_CAPTIONS[chart]),
      source: tr.t('share.source', { version: view.version, date }),
    },
  };
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
  const date = version === null ? null : ((await views.versionDates())[version] ?? '');
  return { shares: Object.fromEntries(entries), versionDate: date };
}

/** Pinned files and embeds never change: any cache may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
