import { OVERVIEW_CHARTS } from '$lib/charts/catalogue';
import { shareMenus } from '$lib/server/charts';
import { views } from '$lib/server/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const view = await views.overview(url, locals.locale);
  return { ...view, ...(await shareMenus(OVERVIEW_CHARTS, url.searchParams, view.version)) };
};
