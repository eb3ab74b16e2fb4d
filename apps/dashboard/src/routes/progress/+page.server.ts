import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.progress(url, locals.locale);
  // The funnel is the `progress` chart: its Share menu.
  return { ...view, ...(await shareMenus(['progress'], url.searchParams, view.version)) };
};
