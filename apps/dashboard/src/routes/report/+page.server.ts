import { OVERVIEW_CHARTS } from '$lib/charts/catalogue';
import { chartData } from '$lib/charts/overview-charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

/** Longest heading and notes kept from the query: a report is a page, not a document store. */
const HEADING = 200;
const NOTES = 4000;

/**
 * `/report?chart=…&heading=…&notes=…&format=a4|slides&{filters}` — the charts chosen, under the filters, with a
 * heading and notes, laid out for printing. Everything is in the query, so a report is a link too.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const chosen = OVERVIEW_CHARTS.filter((c) => url.searchParams.getAll('chart').includes(c));
  const view = await views.overview(url, locals.locale);
  return {
    chosen,
    charts: view.version === null ? [] : chosen.map((chart) => chartData(chart, view)),
    heading: (url.searchParams.get('heading') ?? '').slice(0, HEADING),
    notes: (url.searchParams.get('notes') ?? '').slice(0, NOTES),
    format: url.searchParams.get('format') === 'slides' ? ('slides' as const) : ('a4' as const),
    version: view.version,
    versionDate: view.version === null ? null : await views.versionDate(view.version),
  };
};
