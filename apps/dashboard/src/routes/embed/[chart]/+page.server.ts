import { chartPage } from '$lib/charts/embed-code';
import { chartRequest, IMMUTABLE } from '$lib/server/charts';
import type { PageServerLoad } from './$types';

/** `/embed/{chart}?{filters}&sig=…` — one chart, alone, for another site's iframe; its link must be signed. */
export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
  const request = await chartRequest(params.chart, url, locals.locale, 'embed');
  if (request.pinned) setHeaders({ 'cache-control': IMMUTABLE });
  return {
    chart: request.data,
    text: request.text,
    version: request.version,
    pinned: request.pinned,
    page: chartPage(request.chart, url.searchParams, locals.locale),
  };
};
