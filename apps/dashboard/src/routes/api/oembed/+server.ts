import { error, json } from '@sveltejs/kit';
import { isChartId, type ChartId } from '$lib/charts/catalogue';
import { embedCode } from '$lib/charts/embed-code';
import { isLocale } from '$lib/i18n/translator';
import { chartRequest } from '$lib/server/charts';
import { signEmbed } from '$lib/server/embeds/signature';
import type { RequestHandler } from './$types';

/** A page's link embeds that page's main chart, drawn with the options in the link. */
const PAGE_CHARTS = new Map<string, ChartId>([
  ['/', 'kpis'],
  ['/network', 'network-full'],
  ['/training', 'training-volume'],
  ['/progress', 'progress'],
]);
const WIDTH = 800;
const HEIGHT = 560;

/**
 * `GET /api/oembed?url=…` (oEmbed 1.0, JSON): the embed of a Puente link pasted into a content system — a signed
 * embed link as it is, or a page's link (overview, network, training, progress, an institution's) as its chart
 * following the data.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
  const format = url.searchParams.get('format');
  if (format !== null && format !== 'json') error(501, 'Only the json format is served');
  let target: URL;
  try {
    target = new URL(url.searchParams.get('url') ?? '');
  } catch {
    error(400, 'url must be a link to this site');
  }
  // The host decides; the scheme is the link's (behind a proxy, this server may not know the one readers use).
  if (target.host !== url.host || !/^https?:$/.test(target.protocol)) error(404, 'Not a link to this site');
  const lang = target.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : locals.locale;
  const embedded = /^\/embed\/([a-z-]+)$/.exec(target.pathname)?.[1];
  // An institution's page: its partners, scoped to it.
  const institution = /^\/institutions\/([a-z0-9-]+)$/.exec(target.pathname)?.[1];
  if (institution && !embedded) target.searchParams.set('institution', institution);
  const chart = embedded ?? (institution ? 'institution-network' : PAGE_CHARTS.get(target.pathname));
  if (!chart || !isChartId(chart)) error(404, 'No chart at this link');
  // An embed link must already be signed (403 otherwise); a page's link becomes its chart following the data.
  const request = await chartRequest(chart, target, locale, embedded ? 'embed' : 'file');
  const version = request.pinned ? request.version : null;
  const sig = target.searchParams.get('sig') ?? (await signEmbed(chart, target.searchParams, null));
  const title = request.text.title;
  const width = Math.min(WIDTH, positive(url.searchParams.get('maxwidth')) ?? WIDTH);
  const height = Math.min(HEIGHT, positive(url.searchParams.get('maxheight')) ?? HEIGHT);
  const html = embedCode(
    { origin: target.origin, chart, search: target.searchParams, lang: locale, version, sig },
    title,
  ).replace('height="560"', `height="${height}"`);
  return json({
    version: '1.0',
    type: 'rich',
    provider_name: 'Puente',
    provider_url: target.origin,
    title: `${title} · ${request.text.source}`,
    html,
    width,
    height,
  });
};

function positive(value: string | null): number | null {
  return value !== null && /^\d{1,5}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}
