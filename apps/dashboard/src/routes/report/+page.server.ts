import { REPORT_CHARTS } from '$lib/charts/catalogue';
import { chartDataAt } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

/** Longest heading and notes kept from the query: a report is a page, not a document store. */
const HEADING = 200;
const NOTES = 4000;

/**
 * `/report?chart=…&heading=…&notes=…&format=a4|slides&{filters}` — the charts chosen (any chart with a Share menu
 * that is drawn under the filters: the overview's and the network, training and progress pages'), under the
 * filters and those pages' options in the query, with a heading and notes, laid out for printing. Everything is in
 * the query, so a report is a link too.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const chosen = REPORT_CHARTS.filter((c) => url.searchParams.getAll('chart').includes(c));
  const drawn = await Promise.all(chosen.map((chart) => chartDataAt(chart, url, locals.locale, null)));
  const dates = new Map(
    await Promise.all(
      [...new Set(drawn.flatMap((d) => (d ? [d.version] : [])))].map(
        async (v) => [v, await views.versionDate(v)] as const,
      ),
    ),
  );
  return {
    chosen,
    // Each chart with the data version it was drawn from, which its citation names.
    charts: drawn.flatMap((d) =>
      d === null ? [] : [{ data: d.data, version: d.version, date: dates.get(d.version) ?? '' }],
    ),
    heading: (url.searchParams.get('heading') ?? '').slice(0, HEADING),
    notes: (url.searchParams.get('notes') ?? '').slice(0, NOTES),
    format: url.searchParams.get('format') === 'slides' ? ('slides' as const) : ('a4' as const),
  };
};
