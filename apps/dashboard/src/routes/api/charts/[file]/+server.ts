import { error } from '@sveltejs/kit';
import { PNG_RATIOS, type PngRatio } from '$lib/charts/catalogue';
import { chartRequest, IMMUTABLE } from '$lib/server/charts';
import { csvDelimiter, chartRows, toCsv } from '$lib/server/exports/csv';
import { chartPng } from '$lib/server/exports/png';
import { chartSvg } from '$lib/server/exports/svg';
import type { RequestHandler } from './$types';

/** `GET /api/charts/{chart}.svg|.png|.csv?{filters}` — the chart of the page as a file; CSV is the data behind it. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
  const [, name = '', format] = /^([a-z-]+)\.(svg|png|csv)$/.exec(params.file) ?? [];
  if (!format) error(404, 'Charts are served as .svg, .png or .csv');
  const request = await chartRequest(name, url, locals.locale, 'file');
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'content-disposition': `inline; filename="puente-${request.chart}-v${request.version}-${request.tr.locale}.${format}"`,
  };
  if (request.pinned) headers['cache-control'] = IMMUTABLE;
  if (format === 'csv') {
    const body = toCsv(chartRows(request.data, request.tr), csvDelimiter(request.tr));
    return new Response(body, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }
  const file = chartSvg(request.data, request.tr, request.text);
  if (format === 'svg') {
    return new Response(file.svg, {
      headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' },
    });
  }
  const scale = url.searchParams.get('scale') ?? '1';
  const ratio = url.searchParams.get('ratio');
  if (scale !== '1' && scale !== '2') error(400, 'scale is 1 or 2');
  if (ratio !== null && !(ratio in PNG_RATIOS))
    error(400, `ratio is one of ${Object.keys(PNG_RATIOS).join(', ')}`);
  const png = await chartPng(file, { scale: scale === '2' ? 2 : 1, ratio: ratio as PngRatio | null });
  return new Response(new Uint8Array(png), { headers: { ...headers, 'content-type': 'image/png' } });
};
