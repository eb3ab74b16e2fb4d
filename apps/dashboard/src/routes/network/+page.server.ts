import { parseFilters } from '@puente/data';
import { shareMenus } from '$lib/server/charts';
import { getStore } from '$lib/server/store';
import { views } from '$lib/server/views';
import { institutionDetail } from '$lib/server/views/institution-detail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, untrack }) => {
  // Search and selection change in the browser without a new load (shallow routing): read untracked.
  const selected = untrack(() => url.searchParams.get('selected'));
  const query = untrack(() => url.searchParams.get('q') ?? '');
  const view = await views.network(url, locals.locale);
  const detail = selected
    ? await institutionDetail(getStore(), selected, parseFilters(url.searchParams))
    : null;
  return {
    ...view,
    // Drawn in the browser (canvas), its files and embeds are its most connected institutions (see networkCut).
    ...(await shareMenus(['network-full'], url.searchParams, view.version)),
    /** Where a canvas view gets its scene (the same query: filters, colour, layout, language). */
    sceneUrl: view.model === null ? `/network/scene?${sceneQuery(url, locals.locale)}` : null,
    /** Where an SVG view gets its chart laid out upright, on a phone. */
    uprightUrl: view.model === null ? null : `/network/upright?${sceneQuery(url, locals.locale)}`,
    selected: detail ? selected : null,
    detail,
    query,
  };
};

/** The scene's (and upright chart's) query: what they depend on, in a stable order, so they cache well. */
function sceneQuery(url: URL, locale: string): string {
  const query = new URLSearchParams(
    [...url.searchParams]
      .filter(([key]) => !['q', 'selected'].includes(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  query.set('lang', locale);
  return query.toString();
}
