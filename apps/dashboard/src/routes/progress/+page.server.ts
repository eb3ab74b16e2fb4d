import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.progress(url, locals.locale);
  // The funnel is the `progress` chart, the timeline `progress-timeline`: their Share menus. A pinned timeline keeps
  // the day it was drawn for, so what is overdue on it never changes either.
  const charts = ['progress', 'progress-timeline'] as const;
  return { ...view, ...(await shareMenus(charts, url.searchParams, view.version, { asOf: view.asOf })) };
};
