/**
 * The charts a presenter can take away — as a file (`/api/charts/{chart}.svg|.png|.csv`), an embed
 * (`/embed/{chart}`) or a report section — and what their links carry. Browser-safe.
 */
import { filtersToQuery, parseFilters } from '@puente/data/filters';
import type { MessageKey } from '$lib/i18n/translator';

export const CHARTS = ['network', 'training', 'progress', 'kpis'] as const;
export type ChartId = (typeof CHARTS)[number];

export const isChartId = (value: unknown): value is ChartId => CHARTS.includes(value as ChartId);

export const CHART_TITLES: Record<ChartId, MessageKey> = {
  network: 'network.title',
  training: 'overview.trainingTitle',
  progress: 'overview.progressTitle',
  kpis: 'kpi.label',
};

export const CHART_CAPTIONS: Record<ChartId, MessageKey> = {
  network: 'network.caption',
  training: 'overview.trainingCaption',
  progress: 'overview.progressCaption',
  kpis: 'share.kpisCaption',
};

/** The formats of `/api/charts/{chart}.{format}`. */
export const FORMATS = ['svg', 'png', 'csv'] as const;
export type ChartFormat = (typeof FORMATS)[number];

/** PNG shapes for slides: the chart fitted, centred, into a 16:9 or 4:3 picture 1280 px wide (×2 for sharp slides). */
export const PNG_RATIOS = { '16:9': [1280, 720], '4:3': [1280, 960] } as const;
export type PngRatio = keyof typeof PNG_RATIOS;

/**
 * A chart's data, as a query: its filters in canonical form (sorted, repeated keys), so equal selections give equal
 * links, signatures and cache keys whatever order or list form a URL used.
 */
export function chartFilters(search: URLSearchParams): URLSearchParams {
  return filtersToQuery(parseFilters(search));
}

/**
 * The query of a chart link: its filters, the pinned data version and its signature (when pinned or embedded), and
 * the language.
 */
export function chartQuery(
  search: URLSearchParams,
  extra: { version?: number | null; sig?: string | null; lang?: string | null } = {},
): string {
  const query = chartFilters(search);
  if (extra.version !== undefined && extra.version !== null) query.set('version', String(extra.version));
  if (extra.sig) query.set('sig', extra.sig);
  if (extra.lang) query.set('lang', extra.lang);
  const text = query.toString();
  return text ? `?${text}` : '';
}
