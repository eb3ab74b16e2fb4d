/**
 * Links and snippets for sharing a chart. Browser-safe: the share menu builds them from the page's URL and the
 * signatures its server load gave.
 */
import {
  chartFilters,
  chartQuery,
  isInstitutionChart,
  type ChartFormat,
  type ChartId,
  type PngRatio,
} from './catalogue';

const CHART_PAGES: Record<Exclude<ChartId, 'institution-network' | 'institution-training'>, string> = {
  network: '/network',
  training: '/training',
  progress: '/progress',
  kpis: '/',
  'network-full': '/network',
  'training-volume': '/training',
  'training-cities': '/training',
  'training-completion': '/training',
  'progress-timeline': '/progress',
};

/** The page a chart comes from, with the chart's query (an embed's "open in Puente" link). */
export function chartPage(chart: ChartId, search: URLSearchParams, lang: string): string {
  const query = chartFilters(search, chart);
  if (isInstitutionChart(chart)) {
    const id = query.get('institution') ?? '';
    return `/institutions/${encodeURIComponent(id)}?lang=${encodeURIComponent(lang)}`;
  }
  query.set('lang', lang);
  return `${CHART_PAGES[chart]}?${query}`;
}

export interface ShareTarget {
  origin: string;
  chart: ChartId;
  /** The page's query: its filters (and anything else, dropped here). */
  search: URLSearchParams;
  lang: string;
  /** Pinned version and its signature, or null to follow the data (with the "latest" signature). */
  version: number | null;
  sig: string;
}

export function embedUrl(t: ShareTarget): string {
  return `${t.origin}/embed/${t.chart}${chartQuery(t.chart, t.search, { version: t.version, sig: t.sig, lang: t.lang })}`;
}

export function fileUrl(
  t: ShareTarget,
  format: ChartFormat,
  png: { scale: 1 | 2; ratio: PngRatio } | null = null,
): string {
  // A file that follows the data needs no signature; a pinned one does.
  const query = chartQuery(t.chart, t.search, {
    version: t.version,
    sig: t.version === null ? null : t.sig,
    lang: t.lang,
  });
  const extra = png ? `${query ? '&' : '?'}ratio=${encodeURIComponent(png.ratio)}&scale=${png.scale}` : '';
  return `${t.origin}/api/charts/${t.chart}.${format}${query}${extra}`;
}

const attribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The iframe to paste into a web page, and a small listener that sets its height from the messages the embed posts
 * (only messages from Puente's origin and from that very frame count).
 */
export function embedCode(t: ShareTarget, title: string): string {
  const src = embedUrl(t);
  return (
    `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="560" loading="lazy" ` +
    `style="border:0;width:100%;max-width:100%" data-puente-embed></iframe>\n` +
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(t.origin)}||!e.data||` +
    `e.data.type!=="puente:height")return;document.querySelectorAll("iframe[data-puente-embed]").forEach(` +
    `function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`
  );
}

/**
 * A chart's links as its page's server load made them: the query following the data and the one pinned (which may
 * hold more, such as the timeline's today), each with its embed signature.
 */
export interface ChartShare {
  query: string;
  pinnedQuery: string;
  latest: string;
  pinned: string | null;
}

/** Embed signatures and the data version's date, given by a page's server load to its Share menus. */
export interface ShareMenus {
  shares: Partial<Record<ChartId, ChartShare>>;
  versionDate: string | null;
}

/**
 * The props of a chart's Share menu on a page, or null when there is nothing to share (no data loaded yet).
 * `title`: the chart's title when it is not its catalogue's (an institution's charts name it).
 */
export function shareProps(data: ShareMenus & { version: number | null }, chart: ChartId, title?: string) {
  const signatures = data.shares[chart];
  return signatures && data.version !== null
    ? { chart, signatures, version: data.version, date: data.versionDate ?? '', title }
    : null;
}
