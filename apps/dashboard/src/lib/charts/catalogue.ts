/**
 * The charts a presenter can take away — as a file (`/api/charts/{chart}.svg|.png|.csv`), an embed
 * (`/embed/{chart}`) or a report section — and what their links carry. Browser-safe.
 */
import { isIsoDate } from '@puente/charts';
import { filtersToQuery, parseFilters } from '@puente/data/filters';
import type { MessageKey } from '$lib/i18n/translator';
import { isId } from '$lib/ids';

/** The overview's charts: drawn from its view, and the ones a report can hold. */
export const OVERVIEW_CHARTS = ['network', 'training', 'progress', 'kpis'] as const;
/** The charts of the /network, /training and /progress pages, drawn with those pages' own options. */
export const PAGE_CHARTS = [
  'network-full',
  'training-volume',
  'training-cities',
  'training-completion',
  'progress-timeline',
] as const;
/**
 * One institution's charts (its page's): scoped by `institution`, its id, and by nothing else — the page takes no
 * filters, and a signed link to them can't be moved to another institution.
 */
export const INSTITUTION_CHARTS = ['institution-network', 'institution-training'] as const;
export const CHARTS = [...OVERVIEW_CHARTS, ...PAGE_CHARTS, ...INSTITUTION_CHARTS] as const;
export type ChartId = (typeof CHARTS)[number];
export type OverviewChartId = (typeof OVERVIEW_CHARTS)[number];
export type PageChartId = (typeof PAGE_CHARTS)[number];
export type InstitutionChartId = (typeof INSTITUTION_CHARTS)[number];

/** The charts a report can hold: every chart drawn under the filters (an institution's take none). */
export const REPORT_CHARTS = [...OVERVIEW_CHARTS, ...PAGE_CHARTS] as const;
export type ReportChartId = (typeof REPORT_CHARTS)[number];

/**
 * What a chart takes from its page's URL besides the filters: how it is drawn (the first value is the default).
 * They belong to the chart's link and signature like the filters, so an embed can't be redrawn another way either.
 */
export const CHART_OPTIONS: Partial<Record<ChartId, Readonly<Record<string, readonly string[]>>>> = {
  'network-full': {
    color: ['city', 'type'],
    size: ['partnerships', 'trained'],
    layout: ['force', 'bridge'],
  },
  'training-volume': { by: ['topic', 'institution'] },
};

export const isChartId = (value: unknown): value is ChartId => CHARTS.includes(value as ChartId);
export const isInstitutionChart = (chart: ChartId): chart is InstitutionChartId =>
  INSTITUTION_CHARTS.includes(chart as InstitutionChartId);

export const CHART_TITLES: Record<ChartId, MessageKey> = {
  network: 'network.title',
  training: 'overview.trainingTitle',
  progress: 'overview.progressTitle',
  kpis: 'kpi.label',
  'network-full': 'network.title',
  'training-volume': 'training.volume.title',
  'training-cities': 'training.cities.title',
  'training-completion': 'training.completion.title',
  'progress-timeline': 'progress.timeline.title',
  // These two name the institution ({name}): see chartTitle() for the title with it.
  'institution-network': 'institution.network.title',
  'institution-training': 'institution.training.title',
};

/** The overview charts' captions (the page charts' depend on their options: see page-charts.ts). */
export const CHART_CAPTIONS: Record<OverviewChartId, MessageKey> = {
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
 * A chart's data, as a query: its filters in canonical form (sorted, repeated keys), then its options (see
 * CHART_OPTIONS) when not the default, so equal selections give equal links, signatures and cache keys whatever
 * order or list form a URL used.
 */
export function chartFilters(search: URLSearchParams, chart: ChartId): URLSearchParams {
  if (isInstitutionChart(chart)) {
    const id = search.get('institution');
    return new URLSearchParams(id !== null && isId(id) ? { institution: id } : {});
  }
  const query = filtersToQuery(parseFilters(search));
  for (const [key, values] of Object.entries(CHART_OPTIONS[chart] ?? {})) {
    const value = search.get(key);
    if (value !== null && value !== values[0] && values.includes(value)) query.set(key, value);
  }
  // The timeline's "today" (the page's `asOf`): which milestones are overdue, and where the today line is.
  const asOf = search.get('asOf');
  if (chart === 'progress-timeline' && isIsoDate(asOf)) query.set('asOf', asOf);
  return query;
}

/** A chart option's value in a query: one of its values, else its default. */
export function chartOption(search: URLSearchParams, chart: ChartId, key: string): string {
  const values = CHART_OPTIONS[chart]?.[key] ?? [];
  const value = search.get(key);
  return value !== null && values.includes(value) ? value : (values[0] ?? '');
}

/**
 * The query of a chart link: its filters, the pinned data version and its signature (when pinned or embedded), and
 * the language.
 */
export function chartQuery(
  chart: ChartId,
  search: URLSearchParams,
  extra: { version?: number | null; sig?: string | null; lang?: string | null } = {},
): string {
  const query = chartFilters(search, chart);
  if (extra.version !== undefined && extra.version !== null) query.set('version', String(extra.version));
  if (extra.sig) query.set('sig', extra.sig);
  if (extra.lang) query.set('lang', extra.lang);
  const text = query.toString();
  return text ? `?${text}` : '';
}
